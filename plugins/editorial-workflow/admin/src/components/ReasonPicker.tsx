import { Badge, Checkbox, Flex, Typography } from '@strapi/design-system';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { usePluginResource } from '../api';
import { documentPath, reasonsTranslation, useReasonsResource, type DocumentRef, type PrecheckRun } from './rejectionReasons';

interface Reason {
  code: string;
  label: string;
  description?: string;
}

interface Props {
  value: string[];
  onChange: (codes: string[]) => void;
  /** The document being rejected; its pre-check suggestions are selected at first. */
  document?: DocumentRef;
  title: string;
}

/** Lists the active rejection reasons with their descriptions, with the suggested ones selected. */
export const ReasonPicker = ({ value, onChange, document, title }: Props) => {
  const { formatMessage, locale } = useIntl();
  const catalogue = usePluginResource<Reason[]>(`/editorial-workflow/reasons?locale=${locale === 'en' ? 'en' : 'vi'}`);
  const run = useReasonsResource<PrecheckRun | null>(document ? documentPath(document, 'prechecks') : null);
  const suggested = run?.suggestedCodes ?? [];
  const preselected = useRef(false);

  useEffect(() => {
    if (preselected.current || !catalogue.data || suggested.length === 0) return;
    preselected.current = true;
    const active = new Set(catalogue.data.map((reason) => reason.code));
    onChange([...new Set([...value, ...suggested.filter((code) => active.has(code))])]);
  }, [catalogue.data, suggested, value, onChange]);

  return (
    <Flex direction="column" alignItems="stretch" gap={3} role="group" aria-label={title} data-testid="reject-reasons">
      <Typography variant="pi" fontWeight="bold">
        {title}
      </Typography>
      {(catalogue.data ?? []).map((reason) => (
        <Flex key={reason.code} direction="column" alignItems="stretch" gap={1}>
          <Flex gap={2}>
            <Checkbox
              name={`reason-${reason.code}`}
              checked={value.includes(reason.code)}
              onCheckedChange={(checked: boolean) => onChange(checked ? [...value, reason.code] : value.filter((code) => code !== reason.code))}
            >
              {reason.code} – {reason.label}
            </Checkbox>
            {suggested.includes(reason.code) && (
              <Badge active>{formatMessage({ id: reasonsTranslation('dialog.suggested'), defaultMessage: 'Suggested by the pre-checks' })}</Badge>
            )}
          </Flex>
          {reason.description && (
            <Typography variant="pi" textColor="neutral600">
              {reason.description}
            </Typography>
          )}
        </Flex>
      ))}
    </Flex>
  );
};

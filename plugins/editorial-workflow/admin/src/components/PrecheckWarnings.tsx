import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { documentPath, reasonsTranslation, useReasonsResource, type DocumentRef, type PrecheckRun } from './rejectionReasons';

interface Props {
  document: DocumentRef;
  /** Changes after each transition, so that a new submission's checks are fetched. */
  refreshKey: unknown;
}

/** Shows the pre-check findings of the latest submission that need the editor's attention. */
export const PrecheckWarnings = ({ document, refreshKey }: Props) => {
  const { formatMessage, locale } = useIntl();
  const run = useReasonsResource<PrecheckRun | null>(documentPath(document, 'prechecks'), refreshKey);
  const language = locale === 'en' ? 'en' : 'vi';
  const findings = (run?.findings ?? []).filter((item) => item.outcome === 'suggested' || item.outcome === 'warning');
  if (findings.length === 0) return null;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="rejection-reasons-prechecks">
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: reasonsTranslation('prechecks.title'), defaultMessage: 'Automatic pre-checks' })}
      </Typography>
      {findings.map((item) => (
        <Box key={item.check} background={item.outcome === 'suggested' ? 'danger100' : 'warning100'} padding={2} hasRadius>
          <Flex gap={2} alignItems="flex-start">
            <Badge>{item.code}</Badge>
            <Typography variant="pi">{item.message[language]}</Typography>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};

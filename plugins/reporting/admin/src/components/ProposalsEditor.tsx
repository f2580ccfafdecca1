import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../pluginId';

/** Returns the message of a failed request to the report API, as the server wrote it. */
const messageOf = (error: unknown) => (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message;

/**
 * Edits the board's written proposals of a 6-month or annual report (Art. 17), which the DOCX and
 * XLSX exports include. Saving needs the plugin's proposals permission; the server checks it.
 */
export const ProposalsEditor = ({ query }: { query: string }) => {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const label = (id: string) => formatMessage({ id: getTranslation(id), defaultMessage: id });

  useEffect(() => {
    let cancelled = false;
    get(`/reporting/proposals?${query}`)
      .then((response: { data: { data: { text?: string } | null } }) => {
        if (!cancelled) setText(response.data.data?.text ?? '');
      })
      .catch(() => {
        if (!cancelled) setText('');
      });
    return () => {
      cancelled = true;
    };
  }, [get, query]);

  const save = async () => {
    setSaving(true);
    const key = Object.fromEntries(new URLSearchParams(query));
    try {
      await put('/reporting/proposals', { ...key, text });
      toggleNotification({ type: 'success', message: label('proposals.saved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) ?? label('proposals.failed') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box paddingTop={4} data-testid="reporting-proposals">
      <Field.Root name="proposals" hint={label('proposals.hint')}>
        <Field.Label>{label('proposals.title')}</Field.Label>
        <Textarea value={text} onChange={(event: { target: { value: string } }) => setText(event.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Flex paddingTop={2} gap={2}>
        <Button variant="secondary" onClick={save} loading={saving} disabled={!text.trim()}>
          {label('proposals.save')}
        </Button>
        <Typography variant="pi" textColor="neutral600">
          {label('proposals.note')}
        </Typography>
      </Flex>
    </Box>
  );
};

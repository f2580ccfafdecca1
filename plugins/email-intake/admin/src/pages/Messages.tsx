import { Badge, Box, Button, Flex, Main, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../pluginId';

interface IntakeRecord {
  id: number;
  receivedAt: string;
  senderAddress: string | null;
  subject: string | null;
  status: string;
  reason: string | null;
  reasonText: string | null;
  trackingNumber: string | null;
  warnings: { message: string }[] | null;
}

const STATUSES = ['quarantined', 'failed', 'acknowledged', 'submitted', 'draft_created'];
const dateFormat: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' };

/** Renders the "Email intake" page: intake records by status, and an upload of an .eml file. */
const MessagesPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const label = (id: string, values?: Record<string, string>) => formatMessage({ id: getTranslation(id), defaultMessage: id }, values);
  const [status, setStatus] = useState('quarantined');
  const [records, setRecords] = useState<IntakeRecord[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let cancelled = false;
    get(`/email-intake/messages${status ? `?status=${status}` : ''}`)
      .then((response: { data: { data: IntakeRecord[] } }) => !cancelled && setRecords(response.data.data))
      .catch(() => !cancelled && setRecords([]));
    return () => {
      cancelled = true;
    };
  }, [get, status, version]);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    try {
      const response = await post('/email-intake/messages/upload', form);
      setNotice(label('messages.uploaded', { status: response.data.data.status }));
      setVersion((value) => value + 1);
    } catch (error) {
      setNotice(label('messages.uploadFailed', { message: (error as Error).message }));
    }
    event.target.value = '';
  };

  return (
    <Main>
      <Page.Title>{label('messages.title')}</Page.Title>
      <Layouts.Header
        title={label('messages.title')}
        subtitle={label('messages.subtitle')}
        primaryAction={<Button onClick={() => fileInput.current?.click()}>{label('messages.upload')}</Button>}
      />
      <Layouts.Content>
        <input ref={fileInput} type="file" accept=".eml,message/rfc822" hidden onChange={upload} />
        <Flex direction="column" alignItems="stretch" gap={4}>
          {notice && <Typography>{notice}</Typography>}
          <Box width="320px">
            <SingleSelect value={status} onChange={(value: string | number) => setStatus(String(value))} aria-label={label('column.status')}>
              <SingleSelectOption value="">{label('status.all')}</SingleSelectOption>
              {STATUSES.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {label(`status.${value}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          {records && records.length === 0 && <Typography>{label('messages.empty')}</Typography>}
          {records && records.length > 0 && (
            <Table colCount={6} rowCount={records.length}>
              <Thead>
                <Tr>
                  {['receivedAt', 'sender', 'subject', 'status', 'reason', 'warnings'].map((column) => (
                    <Th key={column}>
                      <Typography variant="sigma">{label(`column.${column}`)}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {records.map((record) => (
                  <Tr key={record.id}>
                    <Td>{formatDate(new Date(record.receivedAt), dateFormat)}</Td>
                    <Td>{record.senderAddress}</Td>
                    <Td>{record.subject}</Td>
                    <Td>
                      <Badge>{label(`status.${record.status}`)}</Badge>
                    </Td>
                    <Td>{record.reasonText ?? record.trackingNumber}</Td>
                    <Td>{(record.warnings ?? []).map((warning) => warning.message).join(' ')}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

export default MessagesPage;

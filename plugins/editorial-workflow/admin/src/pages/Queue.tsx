import { Box, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography, Badge, Link } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { usePluginResource } from '../api';
import { DeadlineSummary, type CaseDeadline } from '../components/DeadlineSummary';
import { getTranslation } from '../pluginId';

interface QueueCase {
  id: number;
  contentType: string;
  entryDocumentId: string;
  entryLocale: string;
  state: string;
  title: string | null;
  receivedAt: string | null;
  deadline?: CaseDeadline;
}

const dateFormat: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' };

/** Renders the "Editorial queue" page: the items the current user can act on, grouped by state, earliest deadline first. */
const QueuePage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { data } = usePluginResource<QueueCase[]>('/editorial-workflow/queue');
  const label = (id: string) => formatMessage({ id: getTranslation(id), defaultMessage: id });

  const groups = new Map<string, QueueCase[]>();
  for (const item of data ?? []) groups.set(item.state, [...(groups.get(item.state) ?? []), item]);

  return (
    <Main>
      <Page.Title>{label('queue.title')}</Page.Title>
      <Layouts.Header title={label('queue.title')} subtitle={label('queue.subtitle')} />
      <Layouts.Content>
        {data && data.length === 0 && <Typography>{label('queue.empty')}</Typography>}
        <Flex direction="column" alignItems="stretch" gap={6}>
          {[...groups.entries()].map(([state, items]) => (
            <Box key={state} background="neutral0" shadow="tableShadow" hasRadius padding={4}>
              <Flex gap={2} paddingBottom={3}>
                <Typography variant="delta" tag="h2">
                  {label(`state.${state}`)}
                </Typography>
                <Badge>{items.length}</Badge>
              </Flex>
              <Table colCount={5} rowCount={items.length + 1}>
                <Thead>
                  <Tr>
                    <Th>{label('queue.column.title')}</Th>
                    <Th>{label('queue.column.type')}</Th>
                    <Th>{label('queue.column.locale')}</Th>
                    <Th>{label('queue.column.received')}</Th>
                    <Th>{label('queue.column.due')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {items.map((item) => (
                    <Tr key={item.id}>
                      <Td>
                        <Link
                          tag={NavLink}
                          to={`/content-manager/collection-types/${item.contentType}/${item.entryDocumentId}${item.entryLocale !== 'und' ? `?plugins[i18n][locale]=${item.entryLocale}` : ''}`}
                        >
                          {item.title ?? item.entryDocumentId}
                        </Link>
                      </Td>
                      <Td>
                        <Typography>{item.contentType.split('.').pop()}</Typography>
                      </Td>
                      <Td>
                        <Typography>{item.entryLocale}</Typography>
                      </Td>
                      <Td>
                        <Typography>{item.receivedAt ? formatDate(new Date(item.receivedAt), dateFormat) : '—'}</Typography>
                      </Td>
                      <Td>
                        <DeadlineSummary deadline={item.deadline} compact />
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
          ))}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

export default QueuePage;

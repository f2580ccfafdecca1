import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  Main,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ChevronLeft, ChevronRight, Plus, Trash } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../pluginId';

const KINDS = ['holiday', 'compensatory_day_off', 'swapped_day_off', 'make_up_working_day'] as const;

interface Entry {
  date: string;
  kind: (typeof KINDS)[number];
  nameVi: string;
  nameEn: string;
  source?: string | null;
}

interface CalendarYear {
  year: number;
  status: 'announced' | 'provisional';
  source: string;
  sourceDate: string | null;
  entries: Entry[];
}

interface ErrorBody {
  response?: { data?: { error?: { message?: string } } };
}

/** Renders the "Working calendar" page: one year's days off and make-up days, editable by administrators. */
const CalendarPage = () => {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [year, setYear] = useState(new Date().getFullYear());
  const [table, setTable] = useState<CalendarYear | null>(null);
  const [saving, setSaving] = useState(false);
  const label = (id: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage: id }, values);

  const load = useCallback(async () => {
    setTable(null);
    const response = await get(`/publication-deadlines/calendar/years/${year}`);
    setTable(response.data.data);
  }, [get, year]);

  useEffect(() => {
    load().catch(() => setTable(null));
  }, [load]);

  const change = (index: number, patch: Partial<Entry>) =>
    setTable((current) => current && { ...current, entries: current.entries.map((entry, position) => (position === index ? { ...entry, ...patch } : entry)) });

  const save = async () => {
    if (!table) return;
    setSaving(true);
    try {
      const response = await put(`/publication-deadlines/calendar/years/${year}`, { source: table.source, sourceDate: table.sourceDate || null, entries: table.entries });
      setTable(response.data.data);
      toggleNotification({ type: 'success', message: label('calendar.saved', { year }) });
    } catch (error) {
      toggleNotification({ type: 'danger', message: (error as ErrorBody).response?.data?.error?.message ?? label('calendar.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Main>
      <Page.Title>{label('calendar.title')}</Page.Title>
      <Layouts.Header
        title={label('calendar.title')}
        subtitle={label('calendar.subtitle')}
        primaryAction={
          <Button onClick={save} loading={saving} disabled={!table}>
            {label('calendar.save')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={2}>
            <IconButton label={label('calendar.previousYear')} onClick={() => setYear(year - 1)}>
              <ChevronLeft />
            </IconButton>
            <Typography variant="alpha" tag="h2" data-testid="publication-deadlines-year">
              {year}
            </Typography>
            <IconButton label={label('calendar.nextYear')} onClick={() => setYear(year + 1)}>
              <ChevronRight />
            </IconButton>
            {table && <Badge active={table.status === 'announced'}>{label(`calendar.status.${table.status}`)}</Badge>}
          </Flex>
          {table?.status === 'provisional' && <Typography textColor="warning600">{label('calendar.provisionalHint')}</Typography>}
          {table && (
            <Box background="neutral0" shadow="tableShadow" hasRadius padding={4}>
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Flex gap={4} alignItems="flex-end">
                  <Box grow={1}>
                    <Field.Root name="source" required>
                      <Field.Label>{label('calendar.source')}</Field.Label>
                      <TextInput value={table.source} onChange={(event: { target: { value: string } }) => setTable({ ...table, source: event.target.value })} />
                    </Field.Root>
                  </Box>
                  <Field.Root name="sourceDate">
                    <Field.Label>{label('calendar.sourceDate')}</Field.Label>
                    <TextInput type="date" value={table.sourceDate ?? ''} onChange={(event: { target: { value: string } }) => setTable({ ...table, sourceDate: event.target.value })} />
                  </Field.Root>
                </Flex>
                <Table colCount={5} rowCount={table.entries.length + 1}>
                  <Thead>
                    <Tr>
                      <Th>{label('calendar.column.date')}</Th>
                      <Th>{label('calendar.column.kind')}</Th>
                      <Th>{label('calendar.column.nameVi')}</Th>
                      <Th>{label('calendar.column.nameEn')}</Th>
                      <Th>{label('calendar.column.actions')}</Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {table.entries.map((entry, index) => (
                      <Tr key={index} data-testid="publication-deadlines-entry">
                        <Td>
                          <TextInput aria-label={label('calendar.column.date')} type="date" value={entry.date} onChange={(event: { target: { value: string } }) => change(index, { date: event.target.value })} />
                        </Td>
                        <Td>
                          <SingleSelect aria-label={label('calendar.column.kind')} value={entry.kind} onChange={(value: string) => change(index, { kind: value as Entry['kind'] })}>
                            {KINDS.map((kind) => (
                              <SingleSelectOption key={kind} value={kind}>
                                {label(`calendar.kind.${kind}`)}
                              </SingleSelectOption>
                            ))}
                          </SingleSelect>
                        </Td>
                        <Td>
                          <TextInput aria-label={label('calendar.column.nameVi')} value={entry.nameVi} onChange={(event: { target: { value: string } }) => change(index, { nameVi: event.target.value })} />
                        </Td>
                        <Td>
                          <TextInput aria-label={label('calendar.column.nameEn')} value={entry.nameEn} onChange={(event: { target: { value: string } }) => change(index, { nameEn: event.target.value })} />
                        </Td>
                        <Td>
                          <IconButton label={label('calendar.remove')} onClick={() => setTable({ ...table, entries: table.entries.filter((_, position) => position !== index) })}>
                            <Trash />
                          </IconButton>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
                <Box>
                  <Button
                    variant="secondary"
                    startIcon={<Plus />}
                    onClick={() => setTable({ ...table, entries: [...table.entries, { date: `${year}-01-01`, kind: 'holiday', nameVi: '', nameEn: '' }] })}
                  >
                    {label('calendar.add')}
                  </Button>
                </Box>
              </Flex>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

export default CalendarPage;

import { Box, Button, Field, Flex, Grid, Main, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { BarChart } from '../components/BarChart';
import { LineChart } from '../components/LineChart';
import { ProposalsEditor } from '../components/ProposalsEditor';
import { getTranslation } from '../pluginId';

type PeriodKind = 'half' | 'quarter' | 'year' | 'range';

interface Options {
  units: { documentId: string; abbreviation: string; name: string }[];
  available: { deadlines: boolean; rejections: boolean };
}

interface Loaded {
  quotas?: { units: { unitAbbreviation: string; averagePerMonth: number; monthlyQuota: number; belowQuota: boolean }[]; summary: { units: number; unitsBelowQuota: number } };
  workflow?: { totals: Record<string, number>; receiptToPublication: { medianSeconds: number | null; p90Seconds: number | null } };
  questions?: { totals: Record<string, number> };
  deadlines?: { byMonth: { month: string; onTimeRate: number | null }[] };
  rejections?: { byReason: { code: string; count: number }[] };
}

const REPORTS_WITH_CSV = ['unit-quotas', 'workflow', 'questions', 'consultations', 'account-activity', 'deadlines', 'rejections'] as const;
const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, index) => String(thisYear - index));

/** Returns the error message of a failed request to the report API, as the server wrote it. */
const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message ?? (error as Error)?.message ?? String(error);

const hours = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? '—' : `${Math.round(seconds / 360) / 10} h`);

/** Renders the "Reports" page: period and unit pickers, headline figures, charts and downloads. */
const ReportsPage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const label = (id: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage: id }, values);

  const [kind, setKind] = useState<PeriodKind>('half');
  const [year, setYear] = useState(String(thisYear));
  // The half and quarter that contain today, so that the page opens on the current period.
  const [half, setHalf] = useState(new Date().getMonth() < 6 ? '1' : '2');
  const [quarter, setQuarter] = useState(String(Math.floor(new Date().getMonth() / 3) + 1));
  const [from, setFrom] = useState(`${thisYear}-01-01`);
  const [to, setTo] = useState(`${thisYear}-01-31`);
  const [unit, setUnit] = useState('');
  const [options, setOptions] = useState<Options | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({});
  const [error, setError] = useState<string | null>(null);

  const periodQuery = useMemo(() => {
    if (kind === 'range') return `from=${from}&to=${to}`;
    if (kind === 'half') return `year=${year}&half=${half}`;
    if (kind === 'quarter') return `year=${year}&quarter=${quarter}`;
    return `year=${year}`;
  }, [kind, year, half, quarter, from, to]);
  const unitQuery = unit ? `&unit=${encodeURIComponent(unit)}` : '';

  useEffect(() => {
    get('/reporting/options')
      .then((response: { data: { data: Options } }) => setOptions(response.data.data))
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }, [get]);

  useEffect(() => {
    if (!options) return undefined;
    let cancelled = false;
    const load = async () => {
      const read = async (path: string) => (await get(`/reporting/${path}?${periodQuery}${unitQuery}`)).data.data;
      const [quotas, workflow, questions, deadlines, rejections] = await Promise.all([
        read('unit-quotas'),
        read('workflow'),
        read('questions'),
        options.available.deadlines ? read('deadlines') : Promise.resolve(undefined),
        options.available.rejections ? read('rejections') : Promise.resolve(undefined),
      ]);
      return { quotas, workflow, questions, deadlines, rejections };
    };
    load()
      .then((data) => {
        if (cancelled) return;
        setLoaded(data);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [get, options, periodQuery, unitQuery]);

  /** Downloads a report file with the admin session and saves it under the given file name. */
  const download = async (path: string, query: string, filename: string) => {
    try {
      const response = await get(`/reporting/${path}?${query}`, { responseType: 'blob' });
      const url = URL.createObjectURL(response.data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  /** Tells whether a report can be downloaded: deadlines and rejections need their plugins. */
  const isOffered = (name: (typeof REPORTS_WITH_CSV)[number]) => {
    if (name === 'deadlines') return Boolean(options?.available.deadlines);
    if (name === 'rejections') return Boolean(options?.available.rejections);
    return true;
  };

  const periodic = kind === 'half' || kind === 'year';
  const periodicQuery = kind === 'half' ? `year=${year}&half=${half}` : `year=${year}`;
  const figures: [string, string | number][] = [
    ['figure.submitted', loaded.workflow?.totals.submitted ?? '—'],
    ['figure.published', loaded.workflow?.totals.published ?? '—'],
    ['figure.rejected', loaded.workflow?.totals.rejected ?? '—'],
    ['figure.medianHours', hours(loaded.workflow?.receiptToPublication.medianSeconds)],
    ['figure.questionsReceived', loaded.questions?.totals.received ?? '—'],
    ['figure.questionsOverdue', loaded.questions?.totals.overdue ?? '—'],
    ['figure.unitsBelowQuota', loaded.quotas ? `${loaded.quotas.summary.unitsBelowQuota}/${loaded.quotas.summary.units}` : '—'],
  ];

  return (
    <Main>
      <Page.Title>{label('page.title')}</Page.Title>
      <Layouts.Header title={label('page.title')} subtitle={label('page.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} data-testid="reporting-page">
          <Box background="neutral0" shadow="tableShadow" hasRadius padding={4}>
            <Flex gap={4} wrap="wrap" alignItems="flex-end">
              <Field.Root name="kind">
                <Field.Label>{label('picker.period')}</Field.Label>
                <SingleSelect value={kind} onChange={(value: string | number) => setKind(String(value) as PeriodKind)}>
                  {(['half', 'quarter', 'year', 'range'] as const).map((option) => (
                    <SingleSelectOption key={option} value={option}>
                      {label(`picker.kind.${option}`)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              {kind !== 'range' && (
                <Field.Root name="year">
                  <Field.Label>{label('picker.year')}</Field.Label>
                  <SingleSelect value={year} onChange={(value: string | number) => setYear(String(value))}>
                    {YEARS.map((option) => (
                      <SingleSelectOption key={option} value={option}>
                        {option}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              )}
              {kind === 'half' && (
                <Field.Root name="half">
                  <Field.Label>{label('picker.half')}</Field.Label>
                  <SingleSelect value={half} onChange={(value: string | number) => setHalf(String(value))}>
                    <SingleSelectOption value="1">{label('picker.half.1')}</SingleSelectOption>
                    <SingleSelectOption value="2">{label('picker.half.2')}</SingleSelectOption>
                  </SingleSelect>
                </Field.Root>
              )}
              {kind === 'quarter' && (
                <Field.Root name="quarter">
                  <Field.Label>{label('picker.quarter')}</Field.Label>
                  <SingleSelect value={quarter} onChange={(value: string | number) => setQuarter(String(value))}>
                    {['1', '2', '3', '4'].map((option) => (
                      <SingleSelectOption key={option} value={option}>
                        {option}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              )}
              {kind === 'range' && (
                <>
                  <Field.Root name="from">
                    <Field.Label>{label('picker.from')}</Field.Label>
                    <TextInput type="date" value={from} onChange={(event: { target: { value: string } }) => setFrom(event.target.value)} />
                  </Field.Root>
                  <Field.Root name="to">
                    <Field.Label>{label('picker.to')}</Field.Label>
                    <TextInput type="date" value={to} onChange={(event: { target: { value: string } }) => setTo(event.target.value)} />
                  </Field.Root>
                </>
              )}
              <Field.Root name="unit">
                <Field.Label>{label('picker.unit')}</Field.Label>
                <SingleSelect value={unit} onChange={(value: string | number) => setUnit(String(value))}>
                  <SingleSelectOption value="">{label('picker.allUnits')}</SingleSelectOption>
                  {(options?.units ?? []).map((option) => (
                    <SingleSelectOption key={option.documentId} value={option.documentId}>
                      {`${option.abbreviation} — ${option.name}`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Flex>
          </Box>

          {error && (
            <Typography textColor="danger600" data-testid="reporting-error">
              {error}
            </Typography>
          )}

          <Grid.Root gap={4}>
            {figures.map(([id, value]) => (
              <Grid.Item key={id} col={3} s={6} xs={12}>
                <Box background="neutral0" shadow="tableShadow" hasRadius padding={4} width="100%">
                  <Typography variant="pi" textColor="neutral600">
                    {label(id)}
                  </Typography>
                  <Typography variant="beta" tag="p" data-testid={`reporting-${id}`}>
                    {value}
                  </Typography>
                </Box>
              </Grid.Item>
            ))}
          </Grid.Root>

          <Box background="neutral0" shadow="tableShadow" hasRadius padding={4}>
            <Typography variant="delta" tag="h2">
              {label('chart.quota')}
            </Typography>
            <BarChart
              testId="reporting-chart-quota"
              title={label('chart.quota')}
              bars={(loaded.quotas?.units ?? []).map((row) => ({ label: row.unitAbbreviation, value: row.averagePerMonth, highlight: row.belowQuota }))}
              reference={loaded.quotas?.units.length ? Math.max(...loaded.quotas.units.map((row) => row.monthlyQuota)) : undefined}
            />
          </Box>

          <Box background="neutral0" shadow="tableShadow" hasRadius padding={4}>
            <Typography variant="delta" tag="h2">
              {label('chart.onTime')}
            </Typography>
            {options?.available.deadlines ? (
              <LineChart testId="reporting-chart-on-time" title={label('chart.onTime')} points={(loaded.deadlines?.byMonth ?? []).map((row) => ({ label: row.month, value: row.onTimeRate }))} />
            ) : (
              <Typography textColor="neutral600">{label('unavailable', { plugin: 'publication-deadlines' })}</Typography>
            )}
          </Box>

          <Box background="neutral0" shadow="tableShadow" hasRadius padding={4}>
            <Typography variant="delta" tag="h2">
              {label('chart.rejections')}
            </Typography>
            {options?.available.rejections ? (
              <BarChart testId="reporting-chart-rejections" title={label('chart.rejections')} bars={(loaded.rejections?.byReason ?? []).map((row) => ({ label: row.code, value: row.count }))} />
            ) : (
              <Typography textColor="neutral600">{label('unavailable', { plugin: 'rejection-reasons' })}</Typography>
            )}
          </Box>

          <Box background="neutral0" shadow="tableShadow" hasRadius padding={4}>
            <Typography variant="delta" tag="h2">
              {label('downloads')}
            </Typography>
            <Flex gap={2} wrap="wrap" paddingTop={3}>
              {REPORTS_WITH_CSV.filter(isOffered).map((name) => {
                const query = name === 'account-activity' ? periodQuery : `${periodQuery}${unitQuery}`;
                return (
                  <Button key={name} variant="secondary" onClick={() => download(name, `${query}&format=csv`, `${name}.csv`)}>
                    {label(`download.${name}`)}
                  </Button>
                );
              })}
            </Flex>
            {periodic ? (
              <>
                <Flex gap={2} wrap="wrap" paddingTop={3}>
                  <Button onClick={() => download('periodic', `${periodicQuery}&format=docx`, `periodic-${year}.docx`)}>{label('download.docx')}</Button>
                  <Button onClick={() => download('periodic', `${periodicQuery}&format=xlsx`, `periodic-${year}.xlsx`)}>{label('download.xlsx')}</Button>
                </Flex>
                <ProposalsEditor query={periodicQuery} />
              </>
            ) : (
              <Typography textColor="neutral600">{label('download.periodicHint')}</Typography>
            )}
          </Box>
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

export default ReportsPage;

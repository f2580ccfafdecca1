import { Badge, Button, Field, Flex, Main, Modal, Table, Tbody, Td, Textarea, TextInput, Th, Thead, Toggle, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../pluginId';

interface Reason {
  id: number;
  code: string;
  legalBasisVi: string;
  legalBasisEn: string;
  labelVi: string;
  labelEn: string;
  descriptionVi: string;
  descriptionEn: string;
  authorTextVi: string;
  authorTextEn: string;
  active: boolean;
  validFrom: string | null;
  validTo: string | null;
}

type Draft = Omit<Reason, 'id'> & { id?: number };

const SHORT_FIELDS = ['legalBasisVi', 'legalBasisEn', 'labelVi', 'labelEn'] as const;
const LONG_FIELDS = ['descriptionVi', 'descriptionEn', 'authorTextVi', 'authorTextEn'] as const;
const EMPTY: Draft = {
  code: '',
  legalBasisVi: '',
  legalBasisEn: '',
  labelVi: '',
  labelEn: '',
  descriptionVi: '',
  descriptionEn: '',
  authorTextVi: '',
  authorTextEn: '',
  active: true,
  validFrom: null,
  validTo: null,
};

/** Converts an ISO instant to the value of a `datetime-local` input in Viet Nam time (UTC+7, no daylight saving). */
const toLocalInput = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 7 * 3600 * 1000).toISOString().slice(0, 16) : '');
const fromLocalInput = (value: string) => (value ? `${value}:00+07:00` : null);

const errorMessage = (error: unknown) => (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message ?? null;

/** Settings page: the catalogue of rejection reasons, which board heads can reword, deactivate and extend. */
const SettingsPage = () => {
  const { formatMessage, formatDate, locale } = useIntl();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC([{ action: 'plugin::rejection-reasons.manage', subject: null }]);
  const [reasons, setReasons] = useState<Reason[] | null>(null);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (id: string) => formatMessage({ id: getTranslation(id), defaultMessage: id });
  const english = locale === 'en';

  const load = useCallback(() => {
    get('/rejection-reasons/catalogue').then((response: { data: { data: Reason[] } }) => setReasons(response.data.data));
  }, [get]);
  useEffect(load, [load]);

  const save = async () => {
    if (!editing) return;
    setBusy(true);
    const { id, code, ...wording } = editing;
    try {
      if (id) await put(`/rejection-reasons/catalogue/${id}`, wording);
      else await post('/rejection-reasons/catalogue', { code, ...wording });
      toggleNotification({ type: 'success', message: label('settings.saved') });
      setEditing(null);
      load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) ?? label('settings.failed') });
    } finally {
      setBusy(false);
    }
  };

  const set = (field: keyof Draft, value: unknown) => setEditing((current) => (current ? { ...current, [field]: value } : current));
  const validity = (reason: Reason) =>
    `${reason.validFrom ? formatDate(new Date(reason.validFrom), { dateStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }) : '…'} – ${
      reason.validTo ? formatDate(new Date(reason.validTo), { dateStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }) : label('settings.noEnd')
    }`;

  return (
    <Main>
      <Page.Title>{label('settings.title')}</Page.Title>
      <Layouts.Header
        title={label('settings.title')}
        subtitle={label('settings.subtitle')}
        primaryAction={allowedActions.canManage ? <Button onClick={() => setEditing({ ...EMPTY })}>{label('settings.add')}</Button> : undefined}
      />
      <Layouts.Content>
        <Table colCount={5} rowCount={(reasons?.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>{label('settings.column.code')}</Th>
              <Th>{label('settings.column.label')}</Th>
              <Th>{label('settings.column.validity')}</Th>
              <Th>{label('settings.column.status')}</Th>
              <Th> </Th>
            </Tr>
          </Thead>
          <Tbody>
            {(reasons ?? []).map((reason) => (
              <Tr key={reason.id} data-testid={`reason-row-${reason.code}`}>
                <Td>
                  <Typography fontWeight="bold">{reason.code}</Typography>
                </Td>
                <Td>
                  <Typography>{english ? reason.labelEn : reason.labelVi}</Typography>
                </Td>
                <Td>
                  <Typography>{validity(reason)}</Typography>
                </Td>
                <Td>
                  <Badge active={reason.active}>{label(reason.active ? 'settings.active' : 'settings.inactive')}</Badge>
                </Td>
                <Td>
                  {allowedActions.canManage && (
                    <Button variant="tertiary" onClick={() => setEditing({ ...reason })}>
                      {label('settings.edit')}
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
      {editing && (
        <Modal.Root open onOpenChange={(open: boolean) => !open && setEditing(null)}>
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>{editing.id ? `${label('settings.edit')} ${editing.code}` : label('settings.add')}</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Flex direction="column" alignItems="stretch" gap={4}>
                {!editing.id && (
                  <Field.Root name="code">
                    <Field.Label>{label('field.code')}</Field.Label>
                    <TextInput value={editing.code} onChange={(change: React.ChangeEvent<HTMLInputElement>) => set('code', change.target.value)} />
                  </Field.Root>
                )}
                {SHORT_FIELDS.map((field) => (
                  <Field.Root key={field} name={field}>
                    <Field.Label>{label(`field.${field}`)}</Field.Label>
                    <TextInput value={editing[field]} onChange={(change: React.ChangeEvent<HTMLInputElement>) => set(field, change.target.value)} />
                  </Field.Root>
                ))}
                {LONG_FIELDS.map((field) => (
                  <Field.Root key={field} name={field}>
                    <Field.Label>{label(`field.${field}`)}</Field.Label>
                    <Textarea value={editing[field]} onChange={(change: React.ChangeEvent<HTMLTextAreaElement>) => set(field, change.target.value)} />
                  </Field.Root>
                ))}
                {(['validFrom', 'validTo'] as const).map((field) => (
                  <Field.Root key={field} name={field}>
                    <Field.Label>{label(`field.${field}`)}</Field.Label>
                    <TextInput type="datetime-local" value={toLocalInput(editing[field])} onChange={(change: React.ChangeEvent<HTMLInputElement>) => set(field, fromLocalInput(change.target.value))} />
                  </Field.Root>
                ))}
                <Field.Root name="active">
                  <Field.Label>{label('field.active')}</Field.Label>
                  <Toggle checked={editing.active} onLabel={label('settings.active')} offLabel={label('settings.inactive')} onChange={(change: React.ChangeEvent<HTMLInputElement>) => set('active', change.target.checked)} />
                </Field.Root>
              </Flex>
            </Modal.Body>
            <Modal.Footer>
              <Button variant="tertiary" onClick={() => setEditing(null)}>
                {label('settings.cancel')}
              </Button>
              <Button onClick={save} loading={busy}>
                {label('settings.save')}
              </Button>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>
      )}
    </Main>
  );
};

export default SettingsPage;

import { Button, Field, Flex, Modal, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { refusalMessage } from '../api';
import { getTranslation } from '../pluginId';
import type { DeadlineTimer } from './DeadlineSummary';

/** Formats an instant as a `datetime-local` value in Viet Nam time (UTC+7, no daylight saving). */
const toVietnamInput = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

/** Asks for the corrected start of a clock and the reason, then sends them to the deadlines API. */
export const CorrectStartDialog = ({ timer, onClose, onSaved }: { timer: DeadlineTimer; onClose: () => void; onSaved: () => void }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [startAt, setStartAt] = useState(toVietnamInput(timer.startAt));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const label = (id: string, values?: Record<string, string>) => formatMessage({ id: getTranslation(id), defaultMessage: id }, values);

  const save = async () => {
    setBusy(true);
    try {
      await post(`/publication-deadlines/timers/${timer.id}/correct-start`, { startAt: startAt ? `${startAt}:00+07:00` : '', note });
      toggleNotification({ type: 'success', message: label('deadline.corrected', { rule: timer.ruleCode }) });
      onSaved();
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusalMessage(error) ?? label('notification.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{label('deadline.correctTitle', { rule: timer.ruleCode })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="pi">{label('deadline.correctHint')}</Typography>
            <Field.Root name="startAt" required>
              <Field.Label>{label('deadline.startAt')}</Field.Label>
              <TextInput type="datetime-local" value={startAt} onChange={(event: { target: { value: string } }) => setStartAt(event.target.value)} />
            </Field.Root>
            <Field.Root name="note" required>
              <Field.Label>{label('dialog.note')}</Field.Label>
              <Textarea value={note} onChange={(event: { target: { value: string } }) => setNote(event.target.value)} />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose}>
            {label('dialog.cancel')}
          </Button>
          <Button onClick={save} loading={busy} disabled={!note.trim() || !startAt}>
            {label('dialog.confirm')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

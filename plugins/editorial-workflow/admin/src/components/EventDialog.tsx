import { Button, Field, Flex, Modal, Radio, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { usePluginResource, type EventOption } from '../api';
import { getTranslation } from '../pluginId';
import { ReasonPicker } from './ReasonPicker';
import type { DocumentRef } from './rejectionReasons';

interface Reviewer {
  id: number;
  firstname?: string;
  lastname?: string;
  email: string;
}

interface Props {
  event: EventOption;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (body: Record<string, unknown>) => void;
  document?: DocumentRef;
}

/** Converts a `datetime-local` value, read as Viet Nam time, to an ISO instant with its offset. */
const vietnamTime = (value: string) => (value ? `${value}:00+07:00` : '');

/** Asks for what an event requires (note, reasons, reviewer, time, public note) before applying it. */
export const EventDialog = ({ event, busy, onCancel, onConfirm, document }: Props) => {
  const { formatMessage } = useIntl();
  const requires = new Set(event.requires);
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState<string[]>([]);
  const [assigneeId, setAssigneeId] = useState<number | null>(null);
  const [scheduledAt, setScheduledAt] = useState('');
  const [publicNote, setPublicNote] = useState('');
  const [withdrawalMode, setWithdrawalMode] = useState<'public_notice' | 'silent'>('public_notice');
  const [notice, setNotice] = useState('');

  const reviewers = usePluginResource<Reviewer[]>(requires.has('assignee') ? '/editorial-workflow/reviewers' : null);

  const label = (id: string) => formatMessage({ id: getTranslation(id), defaultMessage: id });

  const confirm = () => {
    const body: Record<string, unknown> = {};
    if (note.trim()) body.note = note;
    if (requires.has('reasons')) body.reasons = reasons;
    if (requires.has('assignee') && assigneeId !== null) body.assigneeId = assigneeId;
    if (requires.has('scheduledAt')) body.scheduledAt = vietnamTime(scheduledAt);
    if (requires.has('publicNote')) body.publicNote = publicNote;
    if (requires.has('withdrawal')) body.withdrawal = { mode: withdrawalMode, ...(withdrawalMode === 'public_notice' ? { notice } : {}) };
    onConfirm(body);
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onCancel()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{label(`event.${event.name}`)}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {requires.has('reasons') && <ReasonPicker value={reasons} onChange={setReasons} document={document} title={label('dialog.reasons')} />}
            {requires.has('assignee') && (
              <Field.Root name="assigneeId">
                <Field.Label>{label('dialog.assignee')}</Field.Label>
                <SingleSelect value={assigneeId ?? undefined} onChange={(value: string | number) => setAssigneeId(Number(value))}>
                  {(reviewers.data ?? []).map((user) => (
                    <SingleSelectOption key={user.id} value={user.id}>
                      {[user.firstname, user.lastname].filter(Boolean).join(' ') || user.email}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            )}
            {requires.has('scheduledAt') && (
              <Field.Root name="scheduledAt">
                <Field.Label>{label('dialog.scheduledAt')}</Field.Label>
                <TextInput type="datetime-local" value={scheduledAt} onChange={(change: React.ChangeEvent<HTMLInputElement>) => setScheduledAt(change.target.value)} />
              </Field.Root>
            )}
            {requires.has('publicNote') && (
              <Field.Root name="publicNote">
                <Field.Label>{label('dialog.publicNote')}</Field.Label>
                <Textarea value={publicNote} onChange={(change: React.ChangeEvent<HTMLTextAreaElement>) => setPublicNote(change.target.value)} />
              </Field.Root>
            )}
            {requires.has('withdrawal') && (
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography variant="pi" fontWeight="bold">
                  {label('dialog.withdrawal')}
                </Typography>
                <Radio.Group value={withdrawalMode} onValueChange={(value: 'public_notice' | 'silent') => setWithdrawalMode(value)} aria-label={label('dialog.withdrawal')}>
                  <Radio.Item value="public_notice">{label('dialog.withdrawal.public_notice')}</Radio.Item>
                  <Radio.Item value="silent">{label('dialog.withdrawal.silent')}</Radio.Item>
                </Radio.Group>
                {withdrawalMode === 'public_notice' && (
                  <Field.Root name="withdrawalNotice">
                    <Field.Label>{label('dialog.withdrawalNotice')}</Field.Label>
                    <Textarea value={notice} onChange={(change: React.ChangeEvent<HTMLTextAreaElement>) => setNotice(change.target.value)} />
                  </Field.Root>
                )}
              </Flex>
            )}
            <Field.Root name="note">
              <Field.Label>{label('dialog.note')}</Field.Label>
              <Textarea value={note} onChange={(change: React.ChangeEvent<HTMLTextAreaElement>) => setNote(change.target.value)} />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onCancel}>
            {label('dialog.cancel')}
          </Button>
          <Button onClick={confirm} loading={busy} variant={event.name === 'reject' ? 'danger' : 'default'}>
            {label('dialog.confirm')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

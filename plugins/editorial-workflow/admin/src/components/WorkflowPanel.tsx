import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router-dom';
import { refusalMessage, usePluginResource, useWorkflowTypes, type DocumentCase, type EventOption } from '../api';
import { getTranslation } from '../pluginId';
import { DeadlineSummary, type CaseDeadline } from './DeadlineSummary';
import { EventDialog } from './EventDialog';
import { PrecheckWarnings } from './PrecheckWarnings';
import { documentPath, useReasonsResource, type RejectionRecord } from './rejectionReasons';
import { TimelineReasons } from './TimelineReasons';

interface PanelProps {
  model: string;
  documentId?: string;
}

const dateFormat: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' };

/** Body of the side panel: the state, one button per allowed event, and the timeline. */
const WorkflowPanelContent = ({ model, documentId }: Required<PanelProps>) => {
  const { formatMessage, formatDate } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { search } = useLocation();
  const locale = new URLSearchParams(search).get('plugins[i18n][locale]') ?? '';
  const path = `/editorial-workflow/documents/${model}/${documentId}${locale ? `?locale=${locale}` : ''}`;
  const { data, reload } = usePluginResource<DocumentCase>(path);
  const [open, setOpen] = useState<EventOption | null>(null);
  const [busy, setBusy] = useState(false);
  const documentRef = { model, documentId, locale };
  const rejections = useReasonsResource<RejectionRecord[]>(documentPath(documentRef, 'rejections'), data?.timeline.length);

  const label = (id: string) => formatMessage({ id: getTranslation(id), defaultMessage: id });

  const apply = async (event: EventOption, body: Record<string, unknown>) => {
    setBusy(true);
    try {
      await post(`/editorial-workflow/documents/${model}/${documentId}/events/${event.name}${locale ? `?locale=${locale}` : ''}`, body);
      toggleNotification({ type: 'success', message: formatMessage({ id: getTranslation('notification.applied'), defaultMessage: 'Done: {event}.' }, { event: label(`event.${event.name}`) }) });
      setOpen(null);
      reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusalMessage(error) ?? label('notification.failed') });
    } finally {
      setBusy(false);
    }
  };

  if (!data) return null;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="editorial-workflow-panel">
      <Flex gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {label('panel.state')}
        </Typography>
        <Badge data-testid="editorial-workflow-state">{label(`state.${data.state}`)}</Badge>
      </Flex>
      <DeadlineSummary deadline={(data.case as { deadline?: CaseDeadline } | null)?.deadline} onChanged={reload} />
      {data.case?.publicNote && (
        <Typography variant="pi">
          {label('panel.publicNote')}: {data.case.publicNote}
        </Typography>
      )}
      <PrecheckWarnings document={documentRef} refreshKey={data.timeline.length} />
      {data.events.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {label('panel.noEvents')}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {data.events.map((event) => (
            <Button key={event.name} variant={event.name === 'reject' ? 'danger-light' : 'secondary'} fullWidth onClick={() => setOpen(event)}>
              {label(`event.${event.name}`)}
            </Button>
          ))}
        </Flex>
      )}
      <Typography variant="sigma" textColor="neutral600">
        {label('panel.timeline')}
      </Typography>
      {data.timeline.length === 0 ? (
        <Typography variant="pi">{label('panel.noTimeline')}</Typography>
      ) : (
        <Box tag="ol" data-testid="editorial-workflow-timeline">
          {data.timeline.map((entry) => (
            <Box tag="li" key={entry.id} paddingBottom={2}>
              <Typography variant="pi" fontWeight="bold">
                {label(`event.${entry.event}`)}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {' '}
                {entry.actorName} · {formatDate(new Date(entry.at), dateFormat)}
              </Typography>
              {entry.reasons?.length ? <TimelineReasons entryId={entry.id} codes={entry.reasons} rejections={rejections} /> : null}
              {entry.note ? (
                <Box>
                  <Typography variant="pi">{entry.note}</Typography>
                </Box>
              ) : null}
            </Box>
          ))}
        </Box>
      )}
      {open && <EventDialog event={open} busy={busy} document={documentRef} onCancel={() => setOpen(null)} onConfirm={(body) => apply(open, body)} />}
    </Flex>
  );
};

/**
 * Side panel of the content-manager edit view, for content types under the workflow. The
 * content manager calls it with the edit view's context and shows what it returns.
 */
export const WorkflowPanel = ({ model, documentId }: PanelProps) => {
  const { formatMessage } = useIntl();
  const types = useWorkflowTypes();
  if (!types?.includes(model)) return null;

  const title = formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Editorial workflow' });
  if (!documentId) {
    return { title, content: <Typography variant="pi">{formatMessage({ id: getTranslation('panel.saveFirst'), defaultMessage: 'Save the entry before submitting it.' })}</Typography> };
  }
  return { title, content: <WorkflowPanelContent model={model} documentId={documentId} /> };
};

import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RejectionRecord } from './rejectionReasons';

interface Props {
  entryId: number;
  codes: string[];
  /** Rejections of the document with the wording they were made with, when the plugin provides them. */
  rejections: RejectionRecord[] | null;
}

/** Shows the reasons of a timeline entry with the wording of the time, in the admin language. */
export const TimelineReasons = ({ entryId, codes, rejections }: Props) => {
  const { locale } = useIntl();
  const language = locale === 'en' ? 'en' : 'vi';
  const snapshot = rejections?.find((rejection) => rejection.timelineEntryId === entryId)?.snapshot;
  const text = snapshot ? snapshot.map((reason) => `${reason.code} – ${reason.label[language]}`).join('; ') : codes.join(', ');
  return <Typography variant="pi"> · {text}</Typography>;
};

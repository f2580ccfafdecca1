import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

/**
 * Admin API of the rejection-reasons plugin, read by the workflow's side panel and reject
 * dialog. Without that plugin (or without its read permission) the requests fail, and the
 * panel shows what the workflow knows by itself.
 */
export interface DocumentRef {
  model: string;
  documentId: string;
  locale: string;
}

export type Outcome = 'suggested' | 'warning' | 'passed' | 'not_applicable';

export interface PrecheckFinding {
  check: string;
  code: string;
  outcome: Outcome;
  message: { vi: string; en: string };
  evidence: Record<string, unknown>;
}

export interface PrecheckRun {
  suggestedCodes: string[];
  findings: PrecheckFinding[];
  submittedAt?: string;
}

export interface ReasonSnapshot {
  code: string;
  label: { vi: string; en: string };
  authorText: { vi: string; en: string };
}

export interface RejectionRecord {
  id: number;
  timelineEntryId: number | null;
  snapshot: ReasonSnapshot[];
}

/** Translation ids of these components belong to the rejection-reasons plugin. */
export const reasonsTranslation = (id: string) => `rejection-reasons.${id}`;

export const documentPath = ({ model, documentId, locale }: DocumentRef, resource: 'prechecks' | 'rejections') =>
  `/rejection-reasons/documents/${model}/${documentId}/${resource}${locale ? `?locale=${locale}` : ''}`;

/** Loads one resource of the rejection-reasons plugin; null while loading or when it is unavailable. */
export function useReasonsResource<T>(path: string | null, refreshKey: unknown = null) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);

  useEffect(() => {
    if (!path) return undefined;
    let cancelled = false;
    get(path)
      .then((response: { data: { data: T } }) => {
        if (!cancelled) setData(response.data.data);
      })
      .catch(() => {
        if (!cancelled) setData(null);
      });
    return () => {
      cancelled = true;
    };
  }, [get, path, refreshKey]);

  return data;
}

import { useQuery } from '@tanstack/react-query';
import i18n from '../i18n';
import { ApiError, apiGet } from './client';

// The unit's dashboard, the appraiser's table and the apology letter, as the server's
// /api/units/{unitId}/dashboard, …/projections and …/dossiers/{code}/apology give them.

export interface Message {
  key: string;
  params: Record<string, string | number>;
  vi: string;
  en: string;
}

export type CriterionStatus = 'earned' | 'at_risk' | 'not_scored' | 'no_data';

export interface ProjectedCriterion {
  code: string;
  name: string;
  kpi: string | null;
  status: CriterionStatus;
  points: string | null;
  max: string;
  atRisk: string;
  assessed: boolean;
  action: { kind: string; kpi?: string | null; mode?: string } | null;
  message: Message;
}

export interface ProjectionJson {
  unit: { id: number; name: string };
  year: number;
  framework: { id: number; name: string };
  total: string;
  maxPoints: string;
  index: string;
  band: string | null;
  complete: boolean;
  bestCase: { total: string; index: string; band: string | null };
  areas: {
    code: string;
    name: string;
    points: string | null;
    max: string;
    index: string | null;
    assessed: boolean;
  }[];
  criteria: ProjectedCriterion[];
  atRisk: string[];
  unscored: string[];
}

export interface PathStep {
  code: string;
  name: string;
  kpi: string | null;
  status: CriterionStatus;
  from: string;
  to: string;
  gain: string;
  records: number | null;
  full: boolean;
  message: Message;
}

export interface PathJson {
  target: { band: string | null; index: string };
  reached: boolean;
  alreadyReached: boolean;
  effort: string;
  from: { total: string; index: string; band: string | null };
  to: { total: string; index: string; band: string | null };
  shortBy: string | null;
  message: Message;
  steps: PathStep[];
}

export interface LastYear {
  year: number;
  index: string;
  band: string | null;
  rank: number | null;
  areas: Record<string, string | null>;
}

export interface DueSoonDossier {
  code: string;
  applicant: string | null;
  procedureName: string;
  received: string;
  due: string;
  dueDate: string;
  apologyDate: string | null;
}

export interface TaskRef {
  id: number;
  title: string;
  status: string;
  dueAt: string;
}

export interface Dashboard {
  unit: { id: number; name: string; level: string };
  years: number[];
  year: number;
  projection: ProjectionJson | null;
  /** The framework's bands, best first: name and lowest index. */
  bands: { name: string; min: string }[];
  target: { band: string; source: 'plan' | 'default'; quote: string | null } | null;
  path: PathJson | null;
  planId: number | null;
  lastYear: LastYear | null;
  tasks: Record<string, TaskRef[]>;
  dueSoon: { today: string; until: string; workingDays: number; dossiers: DueSoonDossier[] };
}

export function useDashboard(unitId: number, year: number | null) {
  return useQuery({
    queryKey: ['dashboard', unitId, year],
    queryFn: () => apiGet<Dashboard>(`/api/units/${unitId}/dashboard${year ? `?year=${year}` : ''}`),
  });
}

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  frameworkId: number;
  total: string;
  maxPoints: string;
  index: string;
  band: string | null;
  complete: boolean;
  pointsAtRisk: string;
  atRiskCount: number;
  unscoredCount: number;
  areas: Record<string, string | null>;
  lastYear: LastYear | null;
}

export interface UnitsBelow {
  unit: { id: number; name: string };
  year: number;
  frameworks: { id: number; name: string; level: string; units: number }[];
  areas: { code: string; name: string }[];
  units: UnitRow[];
  withoutFramework: number;
}

export function useUnitsBelow(unitId: number, year: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ['projections', unitId, year],
    enabled: enabled && year !== null,
    queryFn: () => apiGet<UnitsBelow>(`/api/units/${unitId}/projections?year=${year}`),
  });
}

/** The file name the server gives in Content-Disposition (its UTF-8 form when present). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  const plain = /filename="([^"]+)"/.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

/**
 * Generates a dossier's apology letter: the server records the apology date and sends
 * the .docx, which the browser saves. Refusals come back as ApiError with the server's
 * Vietnamese message.
 */
export async function generateApology(
  unitId: number,
  code: string,
  body: { reason: string; newDate: string },
  csrfToken: string,
): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/units/${unitId}/dossiers/${encodeURIComponent(code)}/apology`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        'accept-language': i18n.language,
        'x-csrf-token': csrfToken,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common.networkError'));
  }
  if (!res.ok) {
    const err = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, err.code ?? 'unknown', err.message ?? res.statusText);
  }
  const name = fileNameOf(res.headers.get('content-disposition'), `thu-xin-loi-${code}.docx`);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

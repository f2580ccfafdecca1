import type { Core } from '@strapi/strapi';
import type { ReportingConfig } from '../config';
import { joinTableOf, selectRows, toIso, toNumber } from './sql';
import { column, type ReportRequest, type ReportResult } from './types';

const DAY_MS = 86_400_000;

/**
 * Every recorded action of an admin user, as (user_id, kind, at): workflow events from the
 * workflow timeline, and entry changes and logins recorded by this plugin. Strapi Community
 * Edition keeps no audit log of its own.
 */
const ACTIVITY_SQL = `
  SELECT t.actor_id AS user_id, 'workflow.' || t.event AS kind, t.at AS at
    FROM editorial_workflow_timeline t WHERE t.actor_kind = 'user' AND t.actor_id IS NOT NULL
  UNION ALL
  SELECT a.user_id, a.action AS kind, a.at FROM reporting_admin_actions a
  UNION ALL
  SELECT e.user_id, 'login' AS kind, e.at FROM reporting_login_events e WHERE e.outcome = 'success' AND e.user_id IS NOT NULL`;

interface AccountRow {
  id: number;
  email: string;
  name: string;
  roles: string[];
  isActive: boolean;
  leftAt: string | null;
  logins: number;
  failedLogins: number;
  actions: Record<string, number>;
  actionsTotal: number;
  lastActivityAt: string | null;
  dormant: boolean;
  leftButActive: boolean;
  activityAfterLeaving: number;
}

/**
 * Reports the activity of admin accounts in the period, for the quarterly report on account
 * activity and security monitoring (Art. 7(2)(d)). Per account it gives the logins, failed
 * logins, actions by kind and the last activity. An enabled account is dormant when it has no
 * activity in the `dormantAfterDays` before the end of the period (or before now, if earlier).
 * It lists the accounts of people marked as having left that are still enabled or were used
 * after they left, and the failed logins by email, unknown emails included.
 */
export async function accountActivityReport(strapi: Core.Strapi, request: ReportRequest): Promise<ReportResult> {
  const { period, now } = request;
  const config = strapi.config.get('plugin::reporting') as ReportingConfig;
  const asOf = now < period.end ? now : period.end;
  const dormantSince = new Date(asOf.getTime() - config.dormantAfterDays * DAY_MS);

  const roleLink = joinTableOf(strapi, 'admin::user', 'roles');
  const [accounts, roles, actions, lastActivity, afterLeaving, failures] = await Promise.all([
    selectRows<{ id: unknown; email: string; firstname: string | null; lastname: string | null; is_active: unknown; left_at: unknown }>(
      strapi,
      `SELECT u.id, u.email, u.firstname, u.lastname, u.is_active, s.left_at
       FROM admin_users u LEFT JOIN reporting_account_statuses s ON s.user_id = u.id
       ORDER BY u.email`
    ),
    selectRows<{ user_id: unknown; code: string }>(
      strapi,
      `SELECT l.${roleLink.ownColumn} AS user_id, r.code FROM ${roleLink.table} l JOIN admin_roles r ON r.id = l.${roleLink.targetColumn} ORDER BY r.code`
    ),
    selectRows<{ user_id: unknown; kind: string; n: unknown }>(
      strapi,
      `SELECT a.user_id, a.kind, COUNT(*) AS n FROM (${ACTIVITY_SQL}) a WHERE a.at >= ? AND a.at < ? GROUP BY a.user_id, a.kind`,
      [period.start, period.end]
    ),
    // Correlated subqueries read each account's latest entry through the (user, time) indexes
    // instead of grouping every action ever recorded.
    selectRows<{ user_id: unknown; workflow_at: unknown; action_at: unknown; login_at: unknown }>(
      strapi,
      `SELECT u.id AS user_id,
         (SELECT MAX(t.at) FROM editorial_workflow_timeline t WHERE t.actor_id = u.id AND t.actor_kind = 'user' AND t.at < ?) AS workflow_at,
         (SELECT MAX(a.at) FROM reporting_admin_actions a WHERE a.user_id = u.id AND a.at < ?) AS action_at,
         (SELECT MAX(e.at) FROM reporting_login_events e WHERE e.user_id = u.id AND e.outcome = 'success' AND e.at < ?) AS login_at
       FROM admin_users u`,
      [asOf, asOf, asOf]
    ),
    selectRows<{ user_id: unknown; n: unknown }>(
      strapi,
      `SELECT s.user_id,
         (SELECT COUNT(*) FROM editorial_workflow_timeline t WHERE t.actor_id = s.user_id AND t.actor_kind = 'user' AND t.at >= s.left_at AND t.at < ?)
         + (SELECT COUNT(*) FROM reporting_admin_actions a WHERE a.user_id = s.user_id AND a.at >= s.left_at AND a.at < ?)
         + (SELECT COUNT(*) FROM reporting_login_events e WHERE e.user_id = s.user_id AND e.outcome = 'success' AND e.at >= s.left_at AND e.at < ?) AS n
       FROM reporting_account_statuses s`,
      [asOf, asOf, asOf]
    ),
    selectRows<{ user_id: unknown; email: string | null; n: unknown; last_at: unknown }>(
      strapi,
      `SELECT e.user_id, e.email, COUNT(*) AS n, MAX(e.at) AS last_at FROM reporting_login_events e
       WHERE e.outcome = 'failure' AND e.at >= ? AND e.at < ? GROUP BY e.user_id, e.email ORDER BY COUNT(*) DESC, e.email`,
      [period.start, period.end]
    ),
  ]);

  const rolesOf = groupBy(roles, (row) => toNumber(row.user_id));
  const actionsOf = groupBy(actions, (row) => toNumber(row.user_id));
  const latest = (row: (typeof lastActivity)[number]) =>
    [toIso(row.workflow_at), toIso(row.action_at), toIso(row.login_at)].filter((at): at is string => at !== null).sort().pop() ?? null;
  const lastOf = new Map(lastActivity.map((row) => [toNumber(row.user_id), latest(row)]));
  const afterOf = new Map(afterLeaving.map((row) => [toNumber(row.user_id), toNumber(row.n)]));
  const failedOf = new Map<number, number>();
  for (const row of failures) if (row.user_id !== null) failedOf.set(toNumber(row.user_id), (failedOf.get(toNumber(row.user_id)) ?? 0) + toNumber(row.n));

  const rows: AccountRow[] = accounts.map((account) => {
    const id = toNumber(account.id);
    const kinds = Object.fromEntries((actionsOf.get(id) ?? []).map((row) => [row.kind, toNumber(row.n)]));
    const isActive = account.is_active === true || toNumber(account.is_active) === 1;
    const leftAt = toIso(account.left_at);
    const lastActivityAt = lastOf.get(id) ?? null;
    const activityAfterLeaving = afterOf.get(id) ?? 0;
    return {
      id,
      email: account.email,
      name: [account.firstname, account.lastname].filter(Boolean).join(' '),
      roles: (rolesOf.get(id) ?? []).map((row) => row.code),
      isActive,
      leftAt,
      logins: kinds.login ?? 0,
      failedLogins: failedOf.get(id) ?? 0,
      actions: kinds,
      actionsTotal: Object.entries(kinds).reduce((sum, [kind, n]) => (kind === 'login' ? sum : sum + n), 0),
      lastActivityAt,
      dormant: isActive && (lastActivityAt === null || lastActivityAt < dormantSince.toISOString()),
      leftButActive: leftAt !== null && leftAt < asOf.toISOString() && (isActive || activityAfterLeaving > 0),
      activityAfterLeaving,
    };
  });

  const failedByEmail = failures.map((row) => ({ email: row.email, known: row.user_id !== null, failures: toNumber(row.n), lastAt: toIso(row.last_at) }));
  const summary = {
    accounts: rows.length,
    activeAccounts: rows.filter((row) => row.isActive).length,
    logins: rows.reduce((sum, row) => sum + row.logins, 0),
    failedLogins: failedByEmail.reduce((sum, row) => sum + row.failures, 0),
    failedLoginsUnknownEmail: failedByEmail.filter((row) => !row.known).reduce((sum, row) => sum + row.failures, 0),
    dormantAccounts: rows.filter((row) => row.dormant).length,
    leftButActive: rows.filter((row) => row.leftButActive).length,
  };
  const tableRows = rows.map((row) => ({
    ...row,
    roles: row.roles.join(' '),
    actions: Object.entries(row.actions)
      .filter(([kind]) => kind !== 'login')
      .map(([kind, n]) => `${kind}=${n}`)
      .join(' '),
  }));

  return {
    data: {
      asOf: asOf.toISOString(),
      dormantAfterDays: config.dormantAfterDays,
      summary,
      accounts: rows,
      dormant: rows.filter((row) => row.dormant).map((row) => row.id),
      leftButActive: rows.filter((row) => row.leftButActive).map((row) => row.id),
      failedLogins: failedByEmail,
    },
    tables: [
      {
        name: 'accounts',
        title: { en: 'Admin account activity', vi: 'Hoạt động của tài khoản quản trị' },
        columns: [
          column('id', 'Account id', 'Mã tài khoản'),
          column('email', 'Email', 'Email'),
          column('name', 'Name', 'Họ tên'),
          column('roles', 'Roles', 'Vai trò'),
          column('isActive', 'Enabled', 'Đang hoạt động'),
          column('logins', 'Logins', 'Số lần đăng nhập'),
          column('failedLogins', 'Failed logins', 'Đăng nhập thất bại'),
          column('actionsTotal', 'Actions', 'Số thao tác'),
          column('actions', 'Actions by kind', 'Thao tác theo loại'),
          column('lastActivityAt', 'Last activity', 'Hoạt động gần nhất'),
          column('dormant', 'Dormant', 'Không hoạt động'),
          column('leftAt', 'Left on', 'Đã nghỉ từ'),
          column('leftButActive', 'Left but still active', 'Đã nghỉ nhưng còn hoạt động'),
        ],
        rows: tableRows,
      },
      {
        name: 'failed-logins',
        title: { en: 'Failed logins by email', vi: 'Đăng nhập thất bại theo email' },
        columns: [column('email', 'Email', 'Email'), column('known', 'Known account', 'Tài khoản có thật'), column('failures', 'Failures', 'Số lần'), column('lastAt', 'Last failure', 'Lần gần nhất')],
        rows: failedByEmail,
      },
    ],
  };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

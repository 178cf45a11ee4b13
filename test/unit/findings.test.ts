// Findings with a life, pure: what changes between the stored findings and a scorecard, and the
// alert's id, which only what was stored before the change decides.
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../src/channels/channel.ts';
import { reconcileFindings } from '../../src/domain/findings.ts';
import type { Finding } from '../../src/domain/records.ts';
import { consequenceFor, type KpiStatus, type Scorecard } from '../../src/domain/scoring.ts';
import { alertData } from '../../src/render/alert-view.ts';
import { renderBlocks } from '../../src/render/blocks.ts';
import { lef } from '../support/lef.ts';

function card(statuses: Partial<Record<string, KpiStatus>>): Scorecard {
  const kpis = lef.kpis.map((k) => ({
    id: k.id,
    status: statuses[k.id] ?? 'green',
    norm: 0.95,
    passed: 1,
    counted: 1,
    pending: 0,
    value: 1,
  }));
  return {
    contract: 'c1',
    supplier: 's1',
    period: '2026-H2',
    asOf: '2026-08-01T09:00:00+02:00',
    kpis,
    red: kpis.filter((k) => k.status === 'red').map((k) => k.id),
    consequence: 'all-green',
  };
}
const levelOf = (n: number) => consequenceFor(lef, n);
const apply = (stored: Finding[], changes: { after: Finding }[]) => [
  ...stored.filter((f) => !changes.some((c) => c.after.kpi === f.kpi)),
  ...changes.map((c) => c.after),
];

describe('reconciling findings', () => {
  it('finds, resolves and reopens, each change with an id of its own that a retry repeats', () => {
    const found = reconcileFindings(card({ KPI2: 'red' }), [], 'T1', levelOf);
    expect(found.event).toMatchObject({
      newlyRed: ['KPI2'],
      open: ['KPI2'],
      level: 'extra-effort',
      previousLevel: 'all-green',
    });
    // The same state again (a retry, another instance): the same change, the same id.
    expect(reconcileFindings(card({ KPI2: 'red' }), [], 'T9', levelOf).event?.id).toBe(found.event?.id);
    let stored = apply([], found.changes);
    expect(stored).toEqual([{ supplier: 's1', period: '2026-H2', kpi: 'KPI2', foundAt: 'T1' }]);
    expect(reconcileFindings(card({ KPI2: 'red' }), stored, 'T2', levelOf).event).toBeUndefined();

    // Pending says nothing yet; only green closes it.
    expect(reconcileFindings(card({ KPI2: 'pending' }), stored, 'T2', levelOf).changes).toEqual([]);
    const resolved = reconcileFindings(card({}), stored, 'T3', levelOf);
    expect(resolved.event).toMatchObject({
      resolved: ['KPI2'],
      open: [],
      level: 'all-green',
      previousLevel: 'extra-effort',
    });
    stored = apply(stored, resolved.changes);
    expect(stored[0]?.resolvedAt).toBe('T3');

    const reopened = reconcileFindings(card({ KPI2: 'red' }), stored, 'T4', levelOf);
    expect(reopened.event?.newlyRed).toEqual(['KPI2']);
    expect(reopened.event?.id).not.toBe(found.event?.id);
    stored = apply(stored, reopened.changes);
    expect(stored).toEqual([
      { supplier: 's1', period: '2026-H2', kpi: 'KPI2', foundAt: 'T1', reopenedAt: 'T4' },
    ]);
    // Closed a second time: not the first closing's id.
    const again = reconcileFindings(card({}), stored, 'T5', levelOf);
    expect(again.event?.id).not.toBe(resolved.event?.id);
  });

  it('counts the level over every open finding: three red is the critical phase', () => {
    const two = apply([], reconcileFindings(card({ KPI1: 'red', KPI2: 'red' }), [], 'T1', levelOf).changes);
    const three = reconcileFindings(card({ KPI1: 'red', KPI2: 'red', KPI6: 'red' }), two, 'T2', levelOf);
    expect(three.event).toMatchObject({
      newlyRed: ['KPI6'],
      open: ['KPI1', 'KPI2', 'KPI6'],
      level: 'critical',
    });
    // Another supplier's or period's findings do not count.
    const elsewhere = [{ supplier: 's2', period: '2026-H2', kpi: 'KPI3', foundAt: 'T0' }];
    expect(reconcileFindings(card({ KPI1: 'red' }), elsewhere, 'T1', levelOf).event?.previousLevel).toBe(
      'all-green',
    );
  });
});

describe('a critical alert in Slack', () => {
  it('mentions the contract managers Slack knows as <@U…>, and writes the name of the others', () => {
    const alert: AlertView = {
      supplier: 's1',
      supplierName: 'Facilitators <BV>',
      period: '2026-H2',
      level: 'critical',
      previousLevel: 'extra-effort',
      newlyRed: [{ id: 'KPI6', name: { nl: 'Managementrapportage', en: 'Management report' } }],
      resolved: [],
      red: [],
      consequence: { nl: 'Kritiek', en: 'Critical' },
      critical: true,
      recoveryPlanDue: '2026-08-12',
      mention: [
        { person: 'cm1', name: 'Carla' },
        { person: 'cm2', name: 'Kees <de> Boer' },
      ],
    };
    const { blocks } = renderBlocks({ kind: 'alert', alert }, 'nl', (person) =>
      person === 'cm1' ? '<@U0CARLA>' : undefined,
    );
    const all = JSON.stringify(blocks);
    expect(all).toContain('Voor <@U0CARLA> en Kees &lt;de&gt; Boer');
    expect(all).toContain('Kritieke fase: Facilitators <BV>'); // a header is plain text
    expect(alertData(alert, 'en').mentionLine).toBe('For Carla and Kees <de> Boer');
  });
});

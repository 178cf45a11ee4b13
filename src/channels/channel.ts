// What every channel offers the core, and what it hands the core, in neutral shapes: the flows
// never see a platform type. A channel only translates.
import type { FigureResult } from '../domain/scoring-figures.ts';
import type { Answers } from '../questionnaires/answers.ts';
import type { Text } from '../questionnaires/types.ts';
import type { QuestionnaireMessage } from './questionnaire-view.ts';
import type { SurveyMessage, SurveyResultsMessage } from './survey-views.ts';

/** The session facts shown with a questionnaire. */
export interface SessionFacts {
  id: string;
  supplierName: string;
  start: string;
  end: string;
  facilitators: string[];
  /** The contract's time zone, in which start and end are read. */
  timeZone?: string;
}

/** What the bot says; every channel renders it in the person's language. */
export type BotMessage =
  | { kind: 'notice'; text: Text; tone?: 'good' | 'warning' | 'attention' }
  /** Files to open: a signed, expiring link each (a progress report), opened with Action.OpenUrl. */
  | { kind: 'download'; title: Text; text: Text; links: { label: Text; url: string }[] }
  | {
      kind: 'evaluation';
      assignmentId: string;
      role: 'relationshipManager' | 'internalClient' | 'facilitator';
      registration: boolean;
      session: SessionFacts;
      closesAt: string;
      state: 'open' | 'answered' | 'closed';
      answers?: Answers;
      /** The number of this reminder, when it is one. */
      reminder?: number;
    }
  | SurveyMessage
  | SurveyResultsMessage
  | QuestionnaireMessage
  | { kind: 'scorecard'; scorecard: ScorecardView }
  | { kind: 'period-summary'; summary: PeriodSummaryView }
  | { kind: 'alert'; alert: AlertView }
  | { kind: 'help'; commands: { command: string; text: Text }[] }
  /** The person's open questionnaires, each with a button that brings it back. */
  | { kind: 'tasks'; tasks: TaskView[] }
  | {
      kind: 'session-form';
      /** The person-bound form token: the server makes the session's id from it, so a second click registers nothing new. */
      formId: string;
      suppliers: { id: string; name: string }[];
      facilitators: { id: string; name: string; supplierName: string }[];
      internalClients: { id: string; name: string }[];
    };

/** One open questionnaire in a `taken` list. */
export interface TaskView {
  assignmentId: string;
  /** What is asked, e.g. "Evaluatie LEF-sessie — facilitator". */
  title: Text;
  /** What it is about, e.g. the session's supplier and date. */
  subject: Text;
  closesAt: string;
  timeZone: string;
}

/** The channels, for what differs per channel (the syntax of commands, what is offered). */
export type ChannelId = 'local' | 'teams' | 'slack';

export interface ScorecardView {
  supplier: string;
  supplierName: string;
  period: string;
  asOf: string;
  kpis: {
    id: string;
    name: Text;
    status: 'green' | 'red' | 'pending' | 'nodata' | 'info';
    atRisk: boolean;
    figures: KpiFigures;
    /** The supplier's reply to this KPI's finding, if they gave one. */
    reply?: { name: string; text: string };
  }[];
  consequence: Text;
  recoveryPlanDue?: string;
  /** Where the recovery plan asked in chat stands (absent when none was asked). */
  recoveryPlan?: 'asked' | 'submitted' | 'changes' | 'accepted';
  /** The contract's time zone, in which `asOf` is read. */
  timeZone: string;
  /**
   * The last periods up to this one, with the chart drawn from them (PNG, base64) and, for a
   * platform that fetches images itself (Slack), where the bot serves it.
   */
  trend?: TrendView & { png: string; imageUrl?: string };
}

/** One card for all suppliers when a period ends, and again when its last figures are final. */
export interface PeriodSummaryView {
  period: string;
  /** Whether every KPI of every supplier has its final figure (nothing pending). */
  final: boolean;
  suppliers: {
    supplier: string;
    name: string;
    kpis: { id: string; status: TrendStatus }[];
    consequence: Text;
    red: number;
    recoveryPlanDue?: string;
  }[];
}

/** A KPI's light in one period; `none` for a period before the contract began; `info`: shown, not judged. */
export type TrendStatus = 'green' | 'atRisk' | 'red' | 'pending' | 'nodata' | 'info' | 'none';

/** A supplier's lights over its last periods, oldest first. */
export interface TrendView {
  periods: string[];
  kpis: { id: string; statuses: TrendStatus[] }[];
}

/** A KPI's figures as numbers, levels and days: each channel formats them in its reader's language. */
export type KpiFigures =
  | {
      kind: 'ratio';
      /** What is still pending: client requests, sessions, or anything else. */
      pendingOf: 'requests' | 'sessions' | 'other';
      value?: number;
      norm: number;
      passed: number;
      counted: number;
      pending: number;
    }
  | {
      kind: 'survey';
      /** Level names per question ("voldoende"), the client side's and the supplier side's. */
      questions: Record<string, string>;
      supplierSide: Record<string, string>;
      norm?: string;
      gaps: string[];
      rounds: number;
      judged: number;
    }
  | { kind: 'social-return'; value?: number; norm: number; planDue: string; planSubmittedOn?: string }
  | ({ kind: 'figure' } & Omit<FigureResult, 'id' | 'status'>);

/** The consequence levels of a framework (section 3 of LEF's test plan). */
export type AlertLevel = 'all-green' | 'extra-effort' | 'critical';

/** A change in a supplier's findings for a period: a KPI red (again), or green again. */
export interface AlertView {
  supplier: string;
  supplierName: string;
  period: string;
  level: AlertLevel;
  previousLevel: AlertLevel;
  /** KPIs red now that were not. */
  newlyRed: { id: string; name: Text }[];
  /** KPIs green again: their findings close. */
  resolved: { id: string; name: Text }[];
  /** Every KPI red after the change, with its figures (value against norm). */
  red: { id: string; name: Text; figures?: KpiFigures }[];
  consequence: Text;
  critical: boolean;
  recoveryPlanDue?: string;
  /** Critical: the contract managers, mentioned by each channel its own way. */
  mention?: { person: string; name: string }[];
}

/** Where a message goes. */
export type Destination = { person: string } | { alertChannel: true };

export interface SendOptions {
  /** Stable per logical message: a second send with the same key must not show twice. */
  idempotencyKey: string;
}

export interface Channel {
  readonly id: ChannelId;
  /**
   * Sends a message; returns a reference to update it later. Throws UnreachableError when this
   * channel cannot reach the person, so that the core tries the next one (or reports them).
   */
  send(to: Destination, message: BotMessage, options: SendOptions): Promise<string>;
  update(to: Destination, reference: string, message: BotMessage): Promise<void>;
  /**
   * Puts a file in the person's conversation, where the platform carries files itself (Slack);
   * absent where a signed link serves instead (Teams, the local page). UnreachableError as `send`.
   */
  sendFile?(person: string, file: ChannelFile, options: SendOptions): Promise<string>;
}

/** A file for a person: its name, a title, the bytes and a line said with it. */
export interface ChannelFile {
  name: string;
  title: string;
  content: Buffer;
  comment: string;
}

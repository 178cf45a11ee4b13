// The subjects the questionnaire engine knows, by the kind an assignment carries.
import { type AnyAssignment, type FactAssignment, type FactKind, isFact } from '../../store/assignments.ts';
import { evaluationKind } from '../evaluation-kind.ts';
import { figuresKind } from '../facts/figures-kind.ts';
import { meetingKind } from '../facts/meeting-kind.ts';
import { personKind } from '../facts/person-kind.ts';
import { reportKind } from '../facts/report-kind.ts';
import { requestKind } from '../facts/request-kind.ts';
import { socialReturnKind } from '../facts/socialreturn-kind.ts';
import { lefDayKind } from '../lefday-kind.ts';
import { recoveryKind } from '../recovery-kind.ts';
import { surveyKind } from '../survey-kind.ts';
import type { SubjectKind } from './kind.ts';

/** Looked up when asked, not at import: the kinds import the engine that imports this. */
function factKind(kind: FactKind): SubjectKind<FactAssignment> {
  if (kind === 'request') return requestKind;
  if (kind === 'socialreturn') return socialReturnKind;
  if (kind === 'report') return reportKind;
  if (kind === 'meeting') return meetingKind;
  if (kind === 'figures') return figuresKind;
  return personKind;
}

export function kindOf(assignment: AnyAssignment): SubjectKind<AnyAssignment> {
  if (isFact(assignment)) return factKind(assignment.kind) as SubjectKind<AnyAssignment>;
  if (assignment.kind === 'survey') return surveyKind as SubjectKind<AnyAssignment>;
  if (assignment.kind === 'recovery') return recoveryKind as SubjectKind<AnyAssignment>;
  if (assignment.kind === 'lefday') return lefDayKind as SubjectKind<AnyAssignment>;
  return evaluationKind as SubjectKind<AnyAssignment>;
}

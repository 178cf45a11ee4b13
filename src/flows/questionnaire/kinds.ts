// The subjects the questionnaire engine knows, by the kind an assignment carries.
import type { AnyAssignment } from '../../store/assignments.ts';
import { evaluationKind } from '../evaluation-kind.ts';
import { lefDayKind } from '../lefday-kind.ts';
import { recoveryKind } from '../recovery-kind.ts';
import { surveyKind } from '../survey-kind.ts';
import type { SubjectKind } from './kind.ts';

export function kindOf(assignment: AnyAssignment): SubjectKind<AnyAssignment> {
  if (assignment.kind === 'survey') return surveyKind as SubjectKind<AnyAssignment>;
  if (assignment.kind === 'recovery') return recoveryKind as SubjectKind<AnyAssignment>;
  if (assignment.kind === 'lefday') return lefDayKind as SubjectKind<AnyAssignment>;
  return evaluationKind as SubjectKind<AnyAssignment>;
}

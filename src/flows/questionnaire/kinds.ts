// The subjects the questionnaire engine knows, by the kind an assignment carries.
import type { AnyAssignment } from '../../store/assignments.ts';
import { evaluationKind } from '../evaluation-kind.ts';
import { surveyKind } from '../survey-kind.ts';
import type { SubjectKind } from './kind.ts';

export function kindOf(assignment: AnyAssignment): SubjectKind<AnyAssignment> {
  return (assignment.kind === 'survey' ? surveyKind : evaluationKind) as SubjectKind<AnyAssignment>;
}

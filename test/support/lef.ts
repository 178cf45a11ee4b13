// LEF's framework as the tests use it: read from frameworks/lef.yaml like the bot does.
import { findFramework } from '../../src/domain/frameworks/index.ts';

const found = findFramework('lef');
if (!found?.recoveryPlan || !found.surveys.satisfaction) throw new Error('frameworks/lef.yaml is incomplete');

export const lef = found;
export const lefRecoveryPlan = found.recoveryPlan;
export const lefSatisfactionSurvey = found.surveys.satisfaction;

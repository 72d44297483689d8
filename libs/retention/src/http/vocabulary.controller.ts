import { Controller, Get } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@casework/identity/actor';
import { Permit } from '@casework/identity/permit.decorator';
import { RetentionPolicies } from '../application/retention-policies';
import { assertRetentionPermission } from '../application/retention-access';
import type { ExitQuestionnaire } from '../domain/exit/policy';
import { LEAVING_REASONS } from '../domain/exit/types';
import type { StayThemeTaxonomy } from '../domain/stay/themes';

interface Term {
  readonly code: string;
  readonly label: string;
}

export interface StayVocabulary {
  readonly themes: readonly Term[];
}

export interface ExitVocabulary {
  /** Why someone leaves: the same list for every force (leaver reports split by it). */
  readonly reasons: readonly Term[];
  /** The force's own driver codes, in its order. */
  readonly drivers: readonly Term[];
  /** The force's exit survey; answers are checked against it. */
  readonly questionnaire: ExitQuestionnaire;
}

/** `ill_health_retirement` → "Ill health retirement": for codes a policy lists without labels. */
function humanise(code: string): string {
  const words = code.replace(/_+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Exit drivers are codes only; the default theme list shares their codes (so stay and
 * exit themes read side by side), so a driver takes its theme's label where there is one.
 */
function driverTerms(drivers: readonly string[], themes: StayThemeTaxonomy): Term[] {
  return drivers.map((code) => ({ code, label: themes.find((t) => t.code === code)?.label ?? humanise(code) }));
}

const ROLE_HEADER = { name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' };

/*
 * Each sits under its case controller's prefix; the retention module registers these
 * before the case controllers, so the literal `vocabulary` is matched before the inherited
 * `GET :id` (test/vocabulary.e2e-spec.ts proves the order).
 */

/** The themes a stay interview records, from the force's own policy (the one the stay decider checks against). */
@ApiTags('stay interviews')
@ApiHeader(ROLE_HEADER)
@Controller('stay-interviews')
export class StayVocabularyController {
  constructor(private readonly policies: RetentionPolicies) {}

  @Get('vocabulary')
  @Permit('retention.retention')
  @ApiOperation({ summary: 'The caller’s force’s stay-interview themes (code, label)' })
  @ApiOkResponse({ description: '{ themes: [{ code, label }] }' })
  vocabulary(@CurrentActor() actor: Actor): StayVocabulary {
    assertRetentionPermission(actor.role, 'retention');
    return { themes: this.policies.forForce(actor.forceId).stay.themes.map(({ code, label }) => ({ code, label })) };
  }
}

/** Leaving reasons, the force's exit drivers and its exit questionnaire (the exit decider's own policy). */
@ApiTags('exits')
@ApiHeader(ROLE_HEADER)
@Controller('exits')
export class ExitVocabularyController {
  constructor(private readonly policies: RetentionPolicies) {}

  @Get('vocabulary')
  @Permit('retention.retention')
  @ApiOperation({ summary: 'Leaving reasons, the caller’s force’s exit drivers and its exit-survey questionnaire' })
  @ApiOkResponse({ description: '{ reasons: [{ code, label }], drivers: [{ code, label }], questionnaire: { id, questions } }' })
  vocabulary(@CurrentActor() actor: Actor): ExitVocabulary {
    assertRetentionPermission(actor.role, 'retention');
    const { exit, stay } = this.policies.forForce(actor.forceId);
    return {
      reasons: LEAVING_REASONS.map((code) => ({ code, label: humanise(code) })),
      drivers: driverTerms(exit.drivers, stay.themes),
      questionnaire: {
        id: exit.questionnaire.id,
        questions: exit.questionnaire.questions.map(({ id, text, type, required }) => ({ id, text, type, required })),
      },
    };
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@casework/identity/actor';
import { Permit } from '@casework/identity/permit.decorator';
import { TraumaPolicies } from '../application/trauma-policies';
import { assertTraumaPermission } from '../application/trauma-access';

export interface IncidentVocabulary {
  /** The caller's force's incident taxonomy, in its own order (a form shows it as is). */
  readonly incidentTypes: readonly { readonly code: string; readonly label: string; readonly weight: number }[];
}

/**
 * The lists an incident form offers, from the force's own policy (the one the incident
 * decider checks against), so a force with its own taxonomy never gets a code it refuses.
 *
 * A controller of its own under the same `incidents` prefix: the trauma module registers
 * it before IncidentsController, so `GET /incidents/vocabulary` is matched here before the
 * inherited `GET /incidents/:id` (test/vocabulary.e2e-spec.ts proves the order).
 */
@ApiTags('incidents')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@Controller('incidents')
export class IncidentVocabularyController {
  constructor(private readonly policies: TraumaPolicies) {}

  @Get('vocabulary')
  @Permit('trauma.recordIncident')
  @ApiOperation({ summary: 'The caller’s force’s incident types (code, label, severity weight)' })
  @ApiOkResponse({ description: '{ incidentTypes: [{ code, label, weight }] }' })
  vocabulary(@CurrentActor() actor: Actor): IncidentVocabulary {
    assertTraumaPermission(actor.role, 'recordIncident');
    const { taxonomy } = this.policies.forForce(actor.forceId);
    return { incidentTypes: taxonomy.map(({ code, label, weight }) => ({ code, label, weight })) };
  }
}

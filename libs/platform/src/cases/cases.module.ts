import { Module } from '@nestjs/common';
import { TimersModule } from '@casework/timers/timers.module';
import { CaseWorkflows, ExecuteCaseCommandHandler } from './case-commands';
import { CaseSender } from './case-sender';

/**
 * The generic case machinery every workflow module after referrals registers with: one
 * registry of case workflows (decider per force, codec, timeline text, timer escalation),
 * one command handler, and the HTTP-side sender. Imported by each workflow module; Nest
 * keeps one instance, so every workflow shares the registry.
 */
@Module({
  imports: [TimersModule],
  providers: [CaseWorkflows, ExecuteCaseCommandHandler, CaseSender],
  exports: [CaseWorkflows, CaseSender],
})
export class CasesModule {}

import { Module } from '@nestjs/common';
import { FxRatesModule } from '../fx-rates';
import { InterpretersModule } from '../interpreters';
import { MatchmakingController } from './matchmaking.controller';
import { MatchmakingService } from './matchmaking.service';

/** Wishes (must / would / no thanks) between fair participants, and explained recommendations both ways. */
@Module({
  imports: [FxRatesModule, InterpretersModule],
  controllers: [MatchmakingController],
  providers: [MatchmakingService],
  exports: [MatchmakingService],
})
export class MatchmakingModule {}

export { MatchmakingModule } from './matchmaking.module';
export { MatchmakingService } from './matchmaking.service';
export {
  scorePair,
  missingCertifications,
  type BuyerFacts,
  type ExhibitorFacts,
  type MatchContext,
  type MatchResult,
  type ProductFacts,
} from './scoring';

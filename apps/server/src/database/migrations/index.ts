import { Spine1764230400000 } from './1764230400000-Spine';
import { Catalogue1764320000000 } from './1764320000000-Catalogue';
import { CatalogueSearch1764320000300 } from './1764320000300-CatalogueSearch';
import { BoothFloor1764320000400 } from './1764320000400-BoothFloor';
import { Meetings1764400000000 } from './1764400000000-Meetings';
import { MeetingsLifecycle1764500000000 } from './1764500000000-MeetingsLifecycle';
import { InterpretersAgenda1764500000100 } from './1764500000100-InterpretersAgenda';
import { MeetingFloor1764500000200 } from './1764500000200-MeetingFloor';
import { CatalogueSearchSpeed1764500000300 } from './1764500000300-CatalogueSearchSpeed';
import { Contracts1764600000000 } from './1764600000000-Contracts';
import { Imports1764600000200 } from './1764600000200-Imports';
import { Dashboard1764600000100 } from './1764600000100-Dashboard';
import { DashboardRollup1764600000300 } from './1764600000300-DashboardRollup';
import { Matchmaking1764700000000 } from './1764700000000-Matchmaking';
import { Scheduling1764700000100 } from './1764700000100-Scheduling';
import { Privacy1764800000000 } from './1764800000000-Privacy';
import { SessionRevocations1764900000000 } from './1764900000000-SessionRevocations';
import { DashboardBumpPlpgsql1765000000000 } from './1765000000000-DashboardBumpPlpgsql';
import { FairChanges1765100000000 } from './1765100000000-FairChanges';

/** Every migration, in order. Listed explicitly so the build and the tests see the same set. */
export const migrations = [
  Spine1764230400000,
  Catalogue1764320000000,
  CatalogueSearch1764320000300,
  BoothFloor1764320000400,
  Meetings1764400000000,
  MeetingsLifecycle1764500000000,
  InterpretersAgenda1764500000100,
  MeetingFloor1764500000200,
  CatalogueSearchSpeed1764500000300,
  Contracts1764600000000,
  Imports1764600000200,
  Dashboard1764600000100,
  DashboardRollup1764600000300,
  Matchmaking1764700000000,
  Scheduling1764700000100,
  Privacy1764800000000,
  SessionRevocations1764900000000,
  DashboardBumpPlpgsql1765000000000,
  FairChanges1765100000000,
];

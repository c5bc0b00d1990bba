import { Spine1764230400000 } from './1764230400000-Spine';
import { Catalogue1764320000000 } from './1764320000000-Catalogue';

/** Every migration, in order. Listed explicitly so the build and the tests see the same set. */
export const migrations = [Spine1764230400000, Catalogue1764320000000];

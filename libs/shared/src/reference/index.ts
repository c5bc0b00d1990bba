export * from './categories';
export * from './villages';
export * from './provinces';
export * from './trade';
export * from './currencies';
export * from './countries';
export * from './identifiers';

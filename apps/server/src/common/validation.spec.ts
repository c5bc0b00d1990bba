import 'reflect-metadata';
import { IsDefined, IsInt, IsString, MaxLength, getMetadataStorage, validate } from 'class-validator';
import { rememberValidationMetadata } from './validation';

class Base {
  @IsString()
  name!: unknown;
}

class Child extends Base {
  @IsInt()
  count!: unknown;

  @MaxLength(3, { groups: ['short'] })
  code?: unknown;
}

/** The rules class-validator applies to `target` (strict groups: a grouped rule only in its group). */
const rulesOf = (target: new () => object, groups?: string[]) =>
  getMetadataStorage()
    .getTargetValidationMetadatas(target, '', false, true, groups)
    .map((m) => `${m.propertyName}:${m.name ?? m.type}`)
    .sort();

describe('rememberValidationMetadata', () => {
  const storage = rememberValidationMetadata();

  it('is installed once, and answers a DTO (with its inherited rules) as class-validator does', () => {
    expect(rememberValidationMetadata()).toBe(storage);
    expect(rulesOf(Child)).toEqual(['count:isInt', 'name:isString']);
    expect(rulesOf(Child, ['short'])).toEqual(['code:maxLength']);
    expect(rulesOf(Child, ['other'])).toEqual([]);
    expect(rulesOf(Base)).toEqual(['name:isString']);
  });

  it('remembers an answer per class and options', () => {
    const first = storage.getTargetValidationMetadatas(Child, '', false, true, undefined);
    expect(storage.getTargetValidationMetadatas(Child, '', false, true, undefined)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Child, '', false, true, ['short'])).not.toBe(first);
  });

  it('forgets its answers when a rule is added, to the class itself or to a class declared later', () => {
    expect(rulesOf(Child)).toEqual(['count:isInt', 'name:isString']);
    IsDefined()(Child.prototype, 'note');
    expect(rulesOf(Child)).toEqual(['count:isInt', 'name:isString', 'note:isDefined']);

    class GrandChild extends Child {
      @IsString()
      extra!: unknown;
    }
    expect(rulesOf(GrandChild)).toEqual(['count:isInt', 'extra:isString', 'name:isString', 'note:isDefined']);
  });

  it('validates with the remembered rules, again and again', async () => {
    for (let i = 0; i < 3; i++) {
      const bad = Object.assign(new Child(), { name: 42, count: 'x', note: 1 });
      expect((await validate(bad, { strictGroups: true })).map((e) => e.property).sort()).toEqual([
        'count',
        'name',
      ]);
      const good = Object.assign(new Child(), { name: 'Bát Tràng', count: 3, note: 1 });
      expect(await validate(good, { strictGroups: true })).toEqual([]);
    }
  });
});

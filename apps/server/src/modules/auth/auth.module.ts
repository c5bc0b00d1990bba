import { Module } from '@nestjs/common';

/** Placeholder until the auth module lands. */
@Module({})
export class AuthModule {}

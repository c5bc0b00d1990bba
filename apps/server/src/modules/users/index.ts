export { UsersModule } from './users.module';
export { User } from './user.entity';

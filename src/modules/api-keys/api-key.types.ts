import { DateTimeScalar, UUIDScalar } from '../../graphql/scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { SCOPES } from '../../access/principal';

@ObjectType('ApiKey', { description: 'An API key (never its secret, which is shown once at creation).' })
export class ApiKeyType {
  @Field(() => String, { description: 'Key id: the 16 hex characters after `cfk_` in the key.' })
  declare id: string;
  @Field(() => String)
  declare name: string;
  @Field(() => [Int], { nullable: true, description: 'Divisions granted; null when the key grants all divisions.' })
  declare divisions: number[] | null;
  @Field(() => Boolean, { description: 'Whether the key grants every division.' })
  declare allDivisions: boolean;
  @Field(() => [String], { description: 'Scopes granted.' })
  declare scopes: string[];
  @Field(() => UUIDScalar, { description: 'User recorded as Creator/Modifier for changes made with this key.' })
  declare userId: string;
  @Field(() => DateTimeScalar)
  declare created: Date;
  @Field(() => String, { description: 'Who created the key.' })
  declare createdBy: string;
  @Field(() => DateTimeScalar, { nullable: true })
  declare expires: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the key was revoked; null while it is active.' })
  declare revoked: Date | null;
}

@ObjectType('CreatedApiKey', { description: 'A new API key and its secret.' })
export class CreatedApiKeyType {
  @Field(() => ApiKeyType)
  declare key: ApiKeyType;
  @Field(() => String, { description: 'The key itself (`cfk_...`). Shown only now: only its hash is stored.' })
  declare secret: string;
}

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field(() => String)
  declare name: string;
  @Field(() => [Int], { nullable: true, description: 'Divisions to grant; omit for all (only a caller holding all divisions may).' })
  divisions?: number[] | null;
  @Field(() => [String], { description: `Scopes to grant: ${SCOPES.join(', ')}.` })
  declare scopes: string[];
  @Field(() => DateTimeScalar, { nullable: true })
  expires?: Date | null;
}

import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKeyInfo, normaliseDivisions } from '../../access/api-keys';
import { isScope, Scope, SCOPES } from '../../access/principal';
import { requireScope } from '../../context/require-scope';
import { badInput } from '../../platform/errors';
import type { RequestContext } from '../../context/request-context';
import { ApiKeyType, CreateApiKeyInput, CreatedApiKeyType } from './api-key.types';

const toType = (k: ApiKeyInfo): ApiKeyType =>
  Object.assign(new ApiKeyType(), { ...k, divisions: k.divisions === 'all' ? null : k.divisions, allDivisions: k.divisions === 'all' });

/** Admin key management (scope admin); thin over the request's ApiKeyAdmin. */
@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Query(() => [ApiKeyType], { name: 'apiKeys', description: 'API keys within the caller\'s divisions (scope admin).' })
  async apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKeyType[]> {
    requireScope(ctx, 'admin');
    return (await ctx.apiKeys.list()).map(toType);
  }

  @Mutation(() => CreatedApiKeyType, { description: 'Creates an API key and returns its secret once (scope admin; never more than the caller holds).' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: RequestContext): Promise<CreatedApiKeyType> {
    requireScope(ctx, 'admin');
    for (const s of input.scopes) if (!isScope(s)) throw badInput('scopes', `${s} is not a scope (${SCOPES.join(', ')})`);
    const divisions = input.divisions == null ? 'all' : normaliseDivisions('divisions', input.divisions);
    const { key, secret } = await ctx.apiKeys.create({ name: input.name, divisions, scopes: input.scopes as Scope[], expires: input.expires ?? null });
    return Object.assign(new CreatedApiKeyType(), { key: toType(key), secret });
  }

  @Mutation(() => ApiKeyType, { description: 'Revokes an API key; it is refused from the next request on (scope admin).' })
  async revokeApiKey(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<ApiKeyType> {
    requireScope(ctx, 'admin');
    return toType(await ctx.apiKeys.revoke(id));
  }
}

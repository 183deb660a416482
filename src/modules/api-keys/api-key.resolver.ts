import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKeyInfo } from '../../access/api-keys';
import { RequiresScope } from '../../graphql/access';
import type { RequestContext } from '../../context/request-context';
import { ApiKeyType, CreateApiKeyInput, CreatedApiKeyType } from './api-key.types';

const toType = (k: ApiKeyInfo): ApiKeyType =>
  Object.assign(new ApiKeyType(), { ...k, divisions: k.divisions === 'all' ? null : k.divisions, allDivisions: k.divisions === 'all' });

const DOCS = {
  apiKeys: "API keys within the caller's divisions (scope admin).",
  createApiKey: 'Creates an API key and returns its secret once (scope admin; never more than the caller holds).',
  revokeApiKey: 'Revokes an API key; it is refused from the next request on (scope admin).',
};

/** Admin key management (scope admin); thin over the request's ApiKeyAdmin. */
@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Query(() => [ApiKeyType], { name: 'apiKeys', description: DOCS.apiKeys })
  @RequiresScope('admin')
  async apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKeyType[]> {
    return (await ctx.apiKeys.list()).map(toType);
  }

  @Mutation(() => CreatedApiKeyType, { description: DOCS.createApiKey })
  @RequiresScope('admin')
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreatedApiKeyType> {
    const { key, secret } = await ctx.apiKeys.create({ ...input, divisions: input.divisions ?? 'all', expires: input.expires ?? null });
    return Object.assign(new CreatedApiKeyType(), { key: toType(key), secret });
  }

  @Mutation(() => ApiKeyType, { description: DOCS.revokeApiKey })
  @RequiresScope('admin')
  async revokeApiKey(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<ApiKeyType> {
    return toType(await ctx.apiKeys.revoke(id));
  }
}

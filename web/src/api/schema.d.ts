// Generated from openapi.json by scripts/openapi-types.mjs (npm run openapi:types). Do not edit.

export interface paths {
  '/api/auth/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SignupRequest'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuthResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['LoginRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuthResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MessageResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UserResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/signup-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SignupPolicyResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/invites/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InvitePreviewResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminUsersResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No Content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateUserRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminUserResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/admin/users/{id}/unlock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminUserResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/{id}/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminUserResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/invites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InvitesResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateInviteRequest'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedInviteResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/invites/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No Content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/workspace': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WorkspaceResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateWorkspaceRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WorkspaceResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SaveCredentialsRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MessageResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/credentials/{datasource}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          datasource: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CredentialStatusResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/credentials/{datasource}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          datasource: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MessageResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/datasources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SourceResponse'][];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/datasources/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': null | components['schemas']['SourceTestRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SourceTestResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oauth/client-metadata.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Mosaic's Client ID Metadata Document for remote MCP servers
     * @description Its URL is Mosaic's client_id at MCP authorization servers that accept metadata documents.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oauth/{source}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * @description Starts a one-click connection: a redirect to the provider's consent page.
     *     return_to: a local path to come back to.
     */
    get: {
      parameters: {
        query?: {
          return_to?: string;
          shop?: string;
        };
        header?: never;
        path: {
          source: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oauth/{source}/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Where the provider sends the browser back: exchanges the code, stores the connection, and redirects to the UI. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          source: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/oauth': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * @description Each provider's OAuth app, its redirect URL to register and the scopes Mosaic asks for.
     *     The secret is never returned.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OAuthAppResponse'][];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/oauth/{provider}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          provider: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SaveOAuthAppRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OAuthAppResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          provider: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No Content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminSourceResponse'][];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/sources/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminSourceResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateSourceRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminSourceResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/admin/sources/{id}/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SharedCredentialsRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MessageResponse'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MessageResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/message/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChatMessageRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': components['schemas']['ChatEvent'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/message': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChatMessageRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChatMessageResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/approvals/{approvalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          approvalId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ApprovalRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApprovalResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/providers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProviderResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChatSessionSummary'][];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chat/sessions/{sessionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          sessionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChatSessionResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          sessionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No Content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agent/query/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AgentQueryRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': components['schemas']['AgentEvent'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agent/query': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AgentQueryRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MultiSourceResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agent/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgentSourceInfo'][];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/agent/detect-sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DetectSourcesRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DetectSourcesResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/digest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          since?: string;
          hours?: string;
          refresh?: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DigestResponse'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/digest/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          since?: string;
          hours?: string;
          refresh?: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': components['schemas']['DigestEvent'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log: tool calls, credential changes, sign-ins, invitations and admin actions
     * @description Filters match exactly: user (id or e-mail; admins only), source, tool, outcome, kind.
     *     from (inclusive) and to (exclusive; a date alone means through that day) are ISO 8601.
     *     Newest first; pass next_cursor as cursor for the next page (limit 1-500, default 50).
     *     format=csv or format=jsonl downloads every matching entry.
     */
    get: {
      parameters: {
        query?: {
          user?: string;
          source?: string;
          tool?: string;
          outcome?: string;
          kind?: string;
          from?: string;
          to?: string;
          cursor?: string;
          limit?: string;
          format?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditPage'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your own entries in the audit log
     * @description Filters match exactly: user (id or e-mail; admins only), source, tool, outcome, kind.
     *     from (inclusive) and to (exclusive; a date alone means through that day) are ISO 8601.
     *     Newest first; pass next_cursor as cursor for the next page (limit 1-500, default 50).
     *     format=csv or format=jsonl downloads every matching entry.
     */
    get: {
      parameters: {
        query?: {
          source?: string;
          tool?: string;
          outcome?: string;
          kind?: string;
          from?: string;
          to?: string;
          cursor?: string;
          limit?: string;
          format?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditPage'];
          };
        };
        /** @description Bad Request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['HttpValidationProblemDetails'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AnonymousTypeOfstring'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AnonymousTypeOfstring'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/detailed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DetailedHealth'];
          };
        };
        /** @description The request failed: a ProblemDetails with a detail a person can read. */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['ProblemDetails'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AdminSourceField: {
      name: string;
      label: string;
      type: string;
      required: boolean;
      fixable: boolean;
      fixed: boolean;
      personal: boolean;
    };
    AdminSourceResponse: {
      id: string;
      name: string;
      icon: string;
      built_in: boolean;
      enabled: boolean;
      connection: string;
      fields: components['schemas']['AdminSourceField'][];
      fixed_settings: {
        [key: string]: string;
      };
      shared_configured: boolean;
      /** Format: date-time */
      shared_updated_at: null | string;
      shared_identity: null | string;
      tools: components['schemas']['AdminSourceTool'][];
      tools_known: boolean;
      tools_note: null | string;
      disabled_tools: string[];
      always_ask_tools: string[];
      writes_disabled: boolean;
      /** Format: date-time */
      updated_at: null | string;
    };
    AdminSourceTool: {
      name: string;
      description: null | string;
      read_only: boolean;
      disabled: boolean;
      always_ask: boolean;
    };
    AdminUserResponse: {
      id: string;
      email: string;
      name: null | string;
      role: string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      last_login: null | string;
      locked: boolean;
      /** Format: date-time */
      locked_until: null | string;
      disabled: boolean;
      /** Format: date-time */
      disabled_at: null | string;
      sources_connected: string[];
    };
    AdminUsersResponse: {
      users: components['schemas']['AdminUserResponse'][];
    };
    AgentEvent:
      | components['schemas']['AgentEventAgentSessionEvent']
      | components['schemas']['AgentEventPlanningEvent']
      | components['schemas']['AgentEventPlanCompleteEvent']
      | components['schemas']['AgentEventSourceStartEvent']
      | components['schemas']['AgentEventSourceToolStartEvent']
      | components['schemas']['AgentEventSourceToolEndEvent']
      | components['schemas']['AgentEventSourceApprovalRequiredEvent']
      | components['schemas']['AgentEventSourceApprovalResolvedEvent']
      | components['schemas']['AgentEventSourceCompleteEvent']
      | components['schemas']['AgentEventSynthesizingEvent']
      | components['schemas']['AgentEventSynthesisChunkEvent']
      | components['schemas']['AgentEventAgentDoneEvent']
      | components['schemas']['AgentEventAgentErrorEvent'];
    AgentEventAgentDoneEvent: {
      /** @enum {string} */
      event_type: 'done';
      result: components['schemas']['MultiSourceResponse'];
    };
    AgentEventAgentErrorEvent: {
      /** @enum {string} */
      event_type: 'error';
      error: string;
    };
    AgentEventAgentSessionEvent: {
      /** @enum {string} */
      event_type: 'session_id';
      session_id: string;
    };
    AgentEventPlanCompleteEvent: {
      /** @enum {string} */
      event_type: 'plan_complete';
      sources: components['schemas']['PlannedSource'][];
      reasoning: string;
    };
    AgentEventPlanningEvent: {
      /** @enum {string} */
      event_type: 'planning';
      message: string;
    };
    AgentEventSourceApprovalRequiredEvent: {
      /** @enum {string} */
      event_type: 'approval_required';
      source: string;
      approval_id: string;
      tool: string;
      arguments: components['schemas']['JsonElement'];
      /** Format: date-time */
      expires_at: string;
    };
    AgentEventSourceApprovalResolvedEvent: {
      /** @enum {string} */
      event_type: 'approval_resolved';
      source: string;
      approval_id: string;
      status: string;
    };
    AgentEventSourceCompleteEvent: {
      /** @enum {string} */
      event_type: 'source_complete';
      source: string;
      success: boolean;
      error: null | string;
      /** Format: double */
      duration_ms: number;
    };
    AgentEventSourceStartEvent: {
      /** @enum {string} */
      event_type: 'source_start';
      source: string;
    };
    AgentEventSourceToolEndEvent: {
      /** @enum {string} */
      event_type: 'tool_end';
      source: string;
      tool: string;
      success: boolean;
      /** Format: double */
      duration_ms: number;
      error: null | string;
    };
    AgentEventSourceToolStartEvent: {
      /** @enum {string} */
      event_type: 'tool_start';
      source: string;
      tool: string;
      arguments: components['schemas']['JsonElement'];
    };
    AgentEventSynthesisChunkEvent: {
      /** @enum {string} */
      event_type: 'synthesis_chunk';
      chunk: string;
    };
    AgentEventSynthesizingEvent: {
      /** @enum {string} */
      event_type: 'synthesizing';
    };
    AgentMetadata: {
      plan: {
        sources: {
          source: string;
          name: string;
          /** Format: double */
          confidence: number;
          reasoning: string;
          query: string;
        }[];
        reasoning: string;
        method: string;
      };
      successful_sources: string[];
      failed_sources: string[];
      sources: {
        source: string;
        success: boolean;
        tools_used: string[];
        error: null | string;
        /** Format: double */
        duration_ms: number;
      }[];
      synthesis: string;
      provider: string;
      /** Format: double */
      duration_ms: number;
    };
    AgentPlan: {
      sources: components['schemas']['PlannedSource'][];
      reasoning: string;
      method: string;
    };
    AgentQueryRequest: {
      query: string;
      sources?: null | string[];
      session_id?: null | string;
      /** @default true */
      include_plan: boolean;
    };
    AgentSourceInfo: {
      id: string;
      name: string;
      description: string;
      icon: string;
      enabled: boolean;
      configured: boolean;
    };
    AnonymousTypeOfstring: {
      status: null | string;
    };
    ApprovalRequest: {
      approved: boolean;
    };
    ApprovalResponse: {
      approval_id: string;
      status: string;
    };
    AuditEntryResponse: {
      /** Format: int64 */
      id: number;
      /** Format: date-time */
      at: string;
      kind: string;
      action: string;
      user_id: null | string;
      user_email: null | string;
      source: null | string;
      tool: null | string;
      arguments: null | string;
      approval: null | string;
      approved_by: null | string;
      outcome: string;
      /** Format: double */
      duration_ms: null | number;
      from_cache: null | boolean;
      session_id: null | string;
      request_id: null | string;
      target: null | string;
      detail: null | string;
      ip: null | string;
    };
    AuditPage: {
      entries: components['schemas']['AuditEntryResponse'][];
      next_cursor: null | string;
    };
    AuthResponse: {
      message: string;
      user: components['schemas']['UserResponse'];
    };
    ChatEvent:
      | components['schemas']['ChatEventSessionIdEvent']
      | components['schemas']['ChatEventThinkingStartEvent']
      | components['schemas']['ChatEventThinkingEvent']
      | components['schemas']['ChatEventThinkingEndEvent']
      | components['schemas']['ChatEventChunkEvent']
      | components['schemas']['ChatEventToolStartEvent']
      | components['schemas']['ChatEventToolEndEvent']
      | components['schemas']['ChatEventApprovalRequiredEvent']
      | components['schemas']['ChatEventApprovalResolvedEvent']
      | components['schemas']['ChatEventConnectRequiredEvent']
      | components['schemas']['ChatEventDoneEvent']
      | components['schemas']['ChatEventErrorEvent'];
    ChatEventApprovalRequiredEvent: {
      /** @enum {string} */
      type: 'approval_required';
      approval_id: string;
      tool: string;
      arguments: components['schemas']['JsonElement'];
      /** Format: date-time */
      expires_at: string;
    };
    ChatEventApprovalResolvedEvent: {
      /** @enum {string} */
      type: 'approval_resolved';
      approval_id: string;
      status: string;
    };
    ChatEventChunkEvent: {
      /** @enum {string} */
      type: 'chunk';
      content: string;
    };
    ChatEventConnectRequiredEvent: {
      /** @enum {string} */
      type: 'connect_required';
      datasource: string;
      name: string;
      reason: string;
    };
    ChatEventDoneEvent: {
      /** @enum {string} */
      type: 'done';
      metadata: components['schemas']['ChatMetadata'];
    };
    ChatEventErrorEvent: {
      /** @enum {string} */
      type: 'error';
      error: string;
      /** @default internal */
      code: string;
      /** Format: int32 */
      retry_after?: null | number;
    };
    ChatEventSessionIdEvent: {
      /** @enum {string} */
      type: 'session_id';
      session_id: string;
    };
    ChatEventThinkingEndEvent: {
      /** @enum {string} */
      type: 'thinking_end';
    };
    ChatEventThinkingEvent: {
      /** @enum {string} */
      type: 'thinking';
      content: string;
    };
    ChatEventThinkingStartEvent: {
      /** @enum {string} */
      type: 'thinking_start';
    };
    ChatEventToolEndEvent: {
      /** @enum {string} */
      type: 'tool_end';
      tool: string;
      success: boolean;
      /** Format: double */
      duration_ms: number;
      error?: null | string;
    };
    ChatEventToolStartEvent: {
      /** @enum {string} */
      type: 'tool_start';
      tool: string;
      arguments: components['schemas']['JsonElement'];
    };
    ChatMessageRequest: {
      message: string;
      datasource: string;
      session_id?: null | string;
    };
    ChatMessageResponse: {
      response: string;
      session_id: string;
      sources: components['schemas']['ChatSource'][];
      metadata: null | components['schemas']['ChatMetadata'];
    };
    ChatMetadata: {
      datasource: string;
      tools_used: components['schemas']['ToolUse'][];
      tier: string;
      provider: string;
      model: string;
      tokens: components['schemas']['TokenUsage'];
      /** Format: double */
      duration_ms: number;
      /** Format: int32 */
      rounds: number;
      cancelled?: boolean;
      error?: null | string;
    };
    ChatSessionMessage: {
      id: string;
      role: string;
      content: string;
      datasource: string;
      metadata: null | components['schemas']['ChatMetadata'] | components['schemas']['AgentMetadata'];
      /** Format: date-time */
      created_at: string;
      status?: null | string;
    };
    ChatSessionResponse: {
      id: string;
      datasource: string;
      title: string;
      messages: components['schemas']['ChatSessionMessage'][];
    };
    ChatSessionSummary: {
      id: string;
      datasource: string;
      title: string;
      /** Format: date-time */
      updated: string;
      /** Format: int32 */
      message_count: number;
    };
    ChatSource: {
      datasource: string;
      tool: string;
      arguments: components['schemas']['JsonElement'];
      success: boolean;
    };
    CreateInviteRequest: {
      email?: null | string;
      role?: null | string;
    };
    CreatedInviteResponse: {
      id: string;
      url: string;
      email: null | string;
      role: string;
      /** Format: date-time */
      expires_at: string;
    };
    CredentialFieldResponse: {
      name: string;
      label: string;
      type: string;
      required: boolean;
      env_var: null | string;
      placeholder: null | string;
      help: null | string;
    };
    CredentialStatusResponse: {
      configured: boolean;
      /** Format: date-time */
      updated_at: null | string;
    };
    DetailedHealth: {
      status: string;
      version: string;
      environment: string;
      /** Format: double */
      uptime: number;
      database: string;
      database_provider: string;
      cache: string;
      /** Format: int32 */
      mcp_connections: number;
      cache_backend?: string;
      mcp_breakers?: null | components['schemas']['McpBreakerCounts'];
    };
    DetectSourcesRequest: {
      query: string;
      available_sources?: null | string[];
    };
    DetectSourcesResponse: {
      relevant_sources: components['schemas']['SourceRelevance'][];
      method: string;
    };
    DigestEvent:
      | components['schemas']['DigestEventDigestStartEvent']
      | components['schemas']['DigestEventDigestSectionEvent']
      | components['schemas']['DigestEventDigestDoneEvent']
      | components['schemas']['DigestEventDigestErrorEvent'];
    DigestEventDigestDoneEvent: {
      /** @enum {string} */
      event_type: 'done';
      digest: components['schemas']['DigestResponse'];
    };
    DigestEventDigestErrorEvent: {
      /** @enum {string} */
      event_type: 'error';
      error: string;
    };
    DigestEventDigestSectionEvent: {
      /** @enum {string} */
      event_type: 'section';
      section: components['schemas']['DigestSection'];
    };
    DigestEventDigestStartEvent: {
      /** @enum {string} */
      event_type: 'digest_start';
      /** Format: date-time */
      since: string;
      sources: string[];
    };
    DigestItem: {
      id: string;
      title: string;
      url: null | string;
      source: string;
      kind: string;
      actionable: boolean;
      priority: string;
      timestamp: null | string;
      summary: null | string;
      author?: null | string;
    };
    DigestReconnect: {
      datasource: string;
      name: string;
      message: string;
    };
    DigestResponse: {
      /** Format: date-time */
      since: string;
      /** Format: date-time */
      generated_at: string;
      summary: string;
      summary_method: string;
      sections: components['schemas']['DigestSection'][];
      /** Format: int32 */
      actionable_count: number;
      from_cache: boolean;
      reconnect?: components['schemas']['DigestReconnect'][];
    };
    DigestSection: {
      source: string;
      title: string;
      items: components['schemas']['DigestItem'][];
      error: null | string;
      /** Format: double */
      duration_ms: number;
    };
    HttpValidationProblemDetails: {
      type?: null | string;
      title?: null | string;
      /** Format: int32 */
      status?: null | number;
      detail?: null | string;
      instance?: null | string;
      errors?: {
        [key: string]: string[];
      };
    };
    InvitePreviewResponse: {
      email: null | string;
      role: string;
      /** Format: date-time */
      expires_at: string;
    };
    InviteResponse: {
      id: string;
      email: null | string;
      role: string;
      status: string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      expires_at: string;
      /** Format: date-time */
      used_at: null | string;
      created_by: null | string;
    };
    InvitesResponse: {
      invites: components['schemas']['InviteResponse'][];
    };
    JsonElement: unknown;
    LoginRequest: {
      email: string;
      password: string;
    };
    McpBreakerCounts: {
      /** Format: int32 */
      open: number;
      /** Format: int32 */
      half_open: number;
    };
    MessageResponse: {
      message: string;
    };
    MultiSourceResponse: {
      response: string;
      source_results: components['schemas']['SourceResult'][];
      successful_sources: string[];
      failed_sources: string[];
      plan: components['schemas']['AgentPlan'];
      session_id: string;
      synthesis: string;
      /** Format: double */
      duration_ms: number;
    };
    OAuthAppResponse: {
      provider: string;
      name: string;
      sources: string[];
      client_id: null | string;
      secret_set: boolean;
      from_environment: boolean;
      redirect_urls: string[];
      scopes: string[];
      docs: string;
    };
    PlannedSource: {
      source: string;
      name: string;
      /** Format: double */
      confidence: number;
      reasoning: string;
      query: string;
    };
    ProblemDetails: {
      type?: null | string;
      title?: null | string;
      /** Format: int32 */
      status?: null | number;
      detail?: null | string;
      instance?: null | string;
    };
    ProviderResponse: {
      provider: string;
      model: string;
      fast_model: null | string;
      offline: boolean;
      label: string;
    };
    SaveCredentialsRequest: {
      datasource: string;
      credentials: Record<string, never>;
    };
    SaveOAuthAppRequest: {
      client_id: null | string;
      client_secret?: null | string;
    };
    SharedCredentialsRequest: {
      credentials: Record<string, never>;
    };
    SignupPolicyResponse: {
      signup: string;
      invite_required: boolean;
      signup_domains: string[];
    };
    SignupRequest: {
      email: string;
      password: string;
      name?: null | string;
      invite?: null | string;
    };
    SourceLink: {
      title: string;
      url: string;
    };
    SourceOAuth: {
      provider: string;
      provider_name: string;
      ready: boolean;
      needs_shop: boolean;
    };
    SourceRelevance: {
      source: string;
      /** Format: double */
      confidence: number;
      reasoning: string;
    };
    SourceResponse: {
      id: string;
      name: string;
      description: string;
      icon: string;
      enabled: boolean;
      configured: boolean;
      credential_fields: components['schemas']['CredentialFieldResponse'][];
      credential_rules: string[];
      accent: null | string;
      accent_dark: null | string;
      examples: string[];
      status?: null | components['schemas']['SourceStatus'];
      identity?: null | string;
      connection?: string;
      oauth?: null | components['schemas']['SourceOAuth'];
      auth?: null | string;
      reconnect?: null | string;
    };
    SourceResult: {
      source: string;
      name: string;
      success: boolean;
      response: string;
      error: null | string;
      tools_used: string[];
      links: components['schemas']['SourceLink'][];
      /** Format: double */
      duration_ms: number;
    };
    SourceStatus: {
      breaker: string;
      connected: boolean;
    };
    SourceTestRequest: {
      credentials?: null | Record<string, never>;
    };
    SourceTestResponse: {
      success: boolean;
      identity: null | string;
      message: string;
      /** Format: double */
      duration_ms: number;
    };
    TokenUsage: {
      /** Format: int64 */
      input: number;
      /** Format: int64 */
      output: number;
      /** Format: int64 */
      total?: number;
    };
    ToolUse: {
      tool: string;
      arguments: components['schemas']['JsonElement'];
      success: boolean;
      /** Format: double */
      duration_ms: number;
      from_cache?: boolean;
      approval?: null | string;
      injected?: null | string[];
      error?: null | string;
    };
    UpdateSourceRequest: {
      enabled?: null | boolean;
      connection?: null | string;
      fixed_settings?: null | Record<string, never>;
      disabled_tools?: null | string[];
      always_ask_tools?: null | string[];
      writes_disabled?: null | boolean;
    };
    UpdateUserRequest: {
      role?: null | string;
      disabled?: null | boolean;
    };
    UpdateWorkspaceRequest: {
      signup?: null | string;
      signup_domains?: null | string[];
    };
    UserResponse: {
      id: string;
      email: string;
      name: null | string;
      profile_picture: null | string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      last_login: null | string;
      /** Format: date-time */
      previous_login: null | string;
      role: string;
    };
    WorkspaceResponse: {
      signup: string;
      signup_domains: string[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

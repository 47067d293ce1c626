export const documentPath: string;
export const typesPath: string;
export function generateSchemaTypes(): Promise<string>;

export function minifyTemplates(source: string, fileName?: string): string;

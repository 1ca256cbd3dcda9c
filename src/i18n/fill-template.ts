// UI strings from content/i18n/<lang>.json mark values as `{{name}}` (i18next style). Scripts that
// write text live, after the build, fill those places in themselves.

/** `template` with each `{{name}}` replaced by `values[name]`. */
export function fill(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

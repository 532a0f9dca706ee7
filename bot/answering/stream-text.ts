/** Word groups for the text-delta events of a composed answer. */
export function splitForStreaming(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

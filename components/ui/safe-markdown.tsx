import Markdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

// Case summaries are Markdown written by analysts. react-markdown never renders
// raw HTML, and rehype-sanitize (GitHub's allow-list) removes anything else
// unsafe — script, event handlers, javascript: links — as a second line of defence.
export function SafeMarkdown({ children }: { children: string }) {
  return (
    <div className="space-y-3 [&_a]:text-improvement [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      <Markdown rehypePlugins={[rehypeSanitize]}>{children}</Markdown>
    </div>
  );
}

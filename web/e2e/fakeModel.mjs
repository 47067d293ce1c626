// A scripted stand-in for a language model, speaking the OpenAI-compatible chat completions API
// (what Mosaic uses for Ollama, vLLM, LM Studio…), so the browser tests can drive write tools and
// approvals deterministically. It only listens on 127.0.0.1.
//
// Script: a question containing text in double quotes and the word "post" asks for the
// send_message tool with that text in #checkout-eng; after a tool result it summarises; anything
// else gets a short markdown answer.
import http from 'node:http';

function chunk(id, delta, finish = null) {
  const created = Math.floor(Date.now() / 1000);
  const body = { id, object: 'chat.completion.chunk', created, model: 'fake-model', choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(body)}\n\n`;
}

function textOf(content) {
  return typeof content === 'string' ? content : (content ?? []).map((p) => p.text ?? '').join(' ');
}

function decide(body) {
  const messages = body.messages ?? [];
  const tools = (body.tools ?? []).map((t) => t.function?.name).filter(Boolean);
  const userIndex = messages.map((m) => m.role).lastIndexOf('user');
  const question = textOf(messages[userIndex]?.content);
  const since = messages.slice(userIndex + 1);
  // Did this turn already call send_message? Then report how it went.
  const sent = since.find((m) => m.role === 'assistant' && (m.tool_calls ?? []).some((c) => c.function?.name?.endsWith('send_message')));
  if (sent) {
    const ids = new Set(sent.tool_calls.map((c) => c.id));
    const result = since.find((m) => m.role === 'tool' && ids.has(m.tool_call_id));
    const failed = /denied|refused|not approved|declined|did not run|error/i.test(textOf(result?.content));
    return { text: failed ? 'The message was **not** posted.' : 'Posted the message to **#checkout-eng**.' };
  }
  const quoted = /"([^"]+)"/.exec(question)?.[1];
  const send = tools.find((n) => n.endsWith('send_message'));
  if (send && quoted && /\bpost\b/i.test(question)) {
    return { tool: { name: send, arguments: JSON.stringify({ channel: '#checkout-eng', text: quoted }) } };
  }
  // A read tool already ran (Mosaic's direct tier): summarise what it returned, like a model would.
  const toolResult = since
    .filter((m) => m.role === 'tool')
    .map((m) => textOf(m.content))
    .join('\n');
  if (toolResult) {
    const json = toolResult.slice(toolResult.indexOf('{'));
    let items = [];
    try {
      const data = JSON.parse(json);
      const list = Object.values(data).find(Array.isArray) ?? [];
      items = list.slice(0, 3).map((x) => `- **${x.user ?? x.name ?? x.title ?? 'item'}**: ${x.text ?? x.topic ?? x.summary ?? ''}`);
    } catch {
      /* not JSON: fall through */
    }
    if (items.length)
      return { text: `Here is the latest, newest first:\n\n${items.join('\n')}\n\nAsk me to post "something" to try a write tool.` };
  }
  return { text: 'I am a **scripted test model**. Ask me to post "something" to try a write tool.' };
}

export async function startFakeModel(port = 0) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      if (req.method === 'GET' && req.url.endsWith('/models')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model' }] }));
      }
      if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      }
      let body = {};
      try {
        body = JSON.parse(raw);
      } catch {
        /* empty */
      }
      requests.push(body);
      const answer = decide(body);
      const id = `chatcmpl-${requests.length}`;
      if (!body.stream) {
        const message = answer.tool
          ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${requests.length}`, type: 'function', function: answer.tool }] }
          : { role: 'assistant', content: answer.text };
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(
          JSON.stringify({
            id,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: 'fake-model',
            choices: [{ index: 0, message, finish_reason: answer.tool ? 'tool_calls' : 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
          }),
        );
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write(chunk(id, { role: 'assistant', content: '' }));
      if (answer.tool) {
        res.write(
          chunk(id, {
            tool_calls: [
              { index: 0, id: `call_${requests.length}`, type: 'function', function: { name: answer.tool.name, arguments: '' } },
            ],
          }),
        );
        res.write(chunk(id, { tool_calls: [{ index: 0, function: { arguments: answer.tool.arguments } }] }));
        res.write(chunk(id, {}, 'tool_calls'));
      } else {
        for (const word of answer.text.split(/(?<= )/)) res.write(chunk(id, { content: word }));
        res.write(chunk(id, {}, 'stop'));
      }
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${server.address().port}/v1`, requests, stop: () => new Promise((r) => server.close(r)) };
}

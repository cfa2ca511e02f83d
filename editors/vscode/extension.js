// Starts `medlint server` for Markdown, MDX and plain-text documents; the
// server does the linting, quick fixes and hovers.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function start() {
  const command = vscode.workspace.getConfiguration("medlint").get("path") || "medlint";
  const server = { command, args: ["server"] };
  client = new LanguageClient("medlint", "medlint", { run: server, debug: server }, {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "mdx" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
    ],
    // Configurations and rule packs: the server relints open documents
    // when one changes.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{.medlint.yaml,*.yaml,*.yml}") },
  });
  return client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("medlint.path")) return;
      if (client) await client.stop();
      await start();
    }),
  );
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

// Starts `carburetor-compile lsp` for .carb files. Everything else (diagnostics,
// hover, rename, formatting …) comes from the server.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('carburetor');
  const command = settings.get('compilerPath', 'carburetor-compile');
  client = new LanguageClient(
    'carburetor',
    'Carburetor',
    { command, args: ['lsp'] },
    {
      documentSelector: [{ language: 'carburetor' }],
      initializationOptions: { renameAddsRenamedFrom: settings.get('renameAddsRenamedFrom', true) },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

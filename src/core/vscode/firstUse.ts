/**
 * Stand-ins registered at activation for providers whose code lives in a bundle loaded on first use
 * (src/core/lazyModule.ts): the first call the editor makes creates the real provider, which loads
 * that bundle; every later call goes straight to it. The stand-in's own event forwards the real one's.
 */
import * as vscode from 'vscode';

/** Creates the real provider on first use and forwards its change event; disposing disposes both. */
function onFirstUse<P extends vscode.Disposable, E>(create: () => P, eventOf: (provider: P) => vscode.Event<E> | undefined) {
  const changed = new vscode.EventEmitter<E>();
  let provider: P | undefined;
  let forwarding: vscode.Disposable | undefined;
  return {
    event: changed.event,
    real: (): P => {
      if (!provider) {
        provider = create();
        forwarding = eventOf(provider)?.((e) => changed.fire(e));
      }
      return provider;
    },
    dispose: (): void => {
      forwarding?.dispose();
      provider?.dispose();
      changed.dispose();
    },
  };
}

/** A tree view's data provider, created the first time the view asks for its items. */
export function firstUseTree<T>(
  create: () => vscode.TreeDataProvider<T> & vscode.Disposable,
): vscode.TreeDataProvider<T> & vscode.Disposable {
  const lazy = onFirstUse(create, (tree) => tree.onDidChangeTreeData);
  return {
    onDidChangeTreeData: lazy.event,
    getChildren: (element) => lazy.real().getChildren(element),
    getTreeItem: (element) => lazy.real().getTreeItem(element),
    dispose: lazy.dispose,
  };
}

/** A file system provider, created on the editor's first call for its scheme. */
export function firstUseFileSystem(
  create: () => vscode.FileSystemProvider & vscode.Disposable,
): vscode.FileSystemProvider & vscode.Disposable {
  const lazy = onFirstUse(create, (fileSystem) => fileSystem.onDidChangeFile);
  return {
    onDidChangeFile: lazy.event,
    watch: (uri, options) => lazy.real().watch(uri, options),
    stat: (uri) => lazy.real().stat(uri),
    readDirectory: (uri) => lazy.real().readDirectory(uri),
    createDirectory: (uri) => lazy.real().createDirectory(uri),
    readFile: (uri) => lazy.real().readFile(uri),
    writeFile: (uri, content, options) => lazy.real().writeFile(uri, content, options),
    delete: (uri, options) => lazy.real().delete(uri, options),
    rename: (oldUri, newUri, options) => lazy.real().rename(oldUri, newUri, options),
    dispose: lazy.dispose,
  };
}

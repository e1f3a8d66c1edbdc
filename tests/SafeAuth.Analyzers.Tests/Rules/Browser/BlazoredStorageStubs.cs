namespace SafeAuth.Analyzers.Tests.Rules.Browser;

/// <summary>
/// Blazored.LocalStorage (4.x) and Blazored.SessionStorage (2.x) are not served by the package registry here, so tests
/// compile against this mirror of their public storage interfaces: same namespaces, names and signatures
/// (<c>ValueTask</c> results, <c>CancellationToken cancellationToken = default</c>).
/// </summary>
internal static class BlazoredStorageStubs
{
    public const string FileName = "/0/Blazored.Stubs.cs";

    public const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Blazored.LocalStorage
        {
            public interface ILocalStorageService
            {
                ValueTask ClearAsync(CancellationToken cancellationToken = default);
                ValueTask<T?> GetItemAsync<T>(string key, CancellationToken cancellationToken = default);
                ValueTask<string?> GetItemAsStringAsync(string key, CancellationToken cancellationToken = default);
                ValueTask<string?> KeyAsync(int index, CancellationToken cancellationToken = default);
                ValueTask<IEnumerable<string>> KeysAsync(CancellationToken cancellationToken = default);
                ValueTask<bool> ContainKeyAsync(string key, CancellationToken cancellationToken = default);
                ValueTask<int> LengthAsync(CancellationToken cancellationToken = default);
                ValueTask RemoveItemAsync(string key, CancellationToken cancellationToken = default);
                ValueTask RemoveItemsAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default);
                ValueTask SetItemAsync<T>(string key, T data, CancellationToken cancellationToken = default);
                ValueTask SetItemAsStringAsync(string key, string data, CancellationToken cancellationToken = default);
                event EventHandler<ChangingEventArgs> Changing;
                event EventHandler<ChangedEventArgs> Changed;
            }

            public interface ISyncLocalStorageService
            {
                void Clear();
                T? GetItem<T>(string key);
                string? GetItemAsString(string key);
                string? Key(int index);
                IEnumerable<string> Keys();
                bool ContainKey(string key);
                int Length();
                void RemoveItem(string key);
                void RemoveItems(IEnumerable<string> keys);
                void SetItem<T>(string key, T data);
                void SetItemAsString(string key, string data);
                event EventHandler<ChangingEventArgs> Changing;
                event EventHandler<ChangedEventArgs> Changed;
            }

            public class ChangedEventArgs
            {
                public string Key { get; set; } = default!;
                public object? OldValue { get; set; }
                public object? NewValue { get; set; }
            }

            public class ChangingEventArgs : ChangedEventArgs
            {
                public bool Cancel { get; set; }
            }
        }

        namespace Blazored.SessionStorage
        {
            public interface ISessionStorageService
            {
                ValueTask ClearAsync(CancellationToken cancellationToken = default);
                ValueTask<T?> GetItemAsync<T>(string key, CancellationToken cancellationToken = default);
                ValueTask<string?> GetItemAsStringAsync(string key, CancellationToken cancellationToken = default);
                ValueTask<string?> KeyAsync(int index, CancellationToken cancellationToken = default);
                ValueTask<IEnumerable<string>> KeysAsync(CancellationToken cancellationToken = default);
                ValueTask<bool> ContainKeyAsync(string key, CancellationToken cancellationToken = default);
                ValueTask<int> LengthAsync(CancellationToken cancellationToken = default);
                ValueTask RemoveItemAsync(string key, CancellationToken cancellationToken = default);
                ValueTask RemoveItemsAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default);
                ValueTask SetItemAsync<T>(string key, T data, CancellationToken cancellationToken = default);
                ValueTask SetItemAsStringAsync(string key, string data, CancellationToken cancellationToken = default);
                event EventHandler<ChangingEventArgs> Changing;
                event EventHandler<ChangedEventArgs> Changed;
            }

            public interface ISyncSessionStorageService
            {
                void Clear();
                T? GetItem<T>(string key);
                string? GetItemAsString(string key);
                string? Key(int index);
                IEnumerable<string> Keys();
                bool ContainKey(string key);
                int Length();
                void RemoveItem(string key);
                void RemoveItems(IEnumerable<string> keys);
                void SetItem<T>(string key, T data);
                void SetItemAsString(string key, string data);
                event EventHandler<ChangingEventArgs> Changing;
                event EventHandler<ChangedEventArgs> Changed;
            }

            public class ChangedEventArgs
            {
                public string Key { get; set; } = default!;
                public object? OldValue { get; set; }
                public object? NewValue { get; set; }
            }

            public class ChangingEventArgs : ChangedEventArgs
            {
                public bool Cancel { get; set; }
            }
        }
        """;
}

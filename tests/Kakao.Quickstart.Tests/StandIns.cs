using System.Text;
using System.Text.Json.Nodes;
using Kakao.Cli.Tests.Support;

namespace Kakao.Quickstart.Tests;

/// <summary>
/// Stand-ins for the executables the quick start runs, written into a <see cref="QuickstartWorld"/>'s bin folder.
/// </summary>
internal static class StandIns
{
    /// <summary>
    /// <c>dotnet</c> (reached through DOTNET_HOST_PATH, as under the SDK): records its arguments in dotnet.log;
    /// "publishes" an empty plugin executable into the -o folder, or, with a <c>dotnet.fail</c> file, fails
    /// like a compiler error does.
    /// </summary>
    public static void Dotnet(QuickstartWorld world)
    {
        var path = world.Script("dotnet", """
            dir="$(cd "$(dirname "$0")" && pwd)"
            printf '%s\x1f' "$@" >> "$dir/dotnet.log"; printf '\n' >> "$dir/dotnet.log"
            echo "  Determining projects to restore..."
            if [ -f "$dir/dotnet.fail" ]; then
              echo "/src/provider/Kakao.Provider/Provider/KakaoProvider.cs(12,5): error CS1002: ; expected [/src/provider/Kakao.Provider/Kakao.Provider.csproj]"
              echo "Build FAILED."
              exit 1
            fi
            out=""; prev=""
            for a in "$@"; do [ "$prev" = "-o" ] && out="$a"; prev="$a"; done
            mkdir -p "$out"; printf '#!/bin/sh\n' > "$out/pulumi-resource-kakao"; chmod +x "$out/pulumi-resource-kakao"
            if [ -f "$dir/dotnet.jit" ]; then
              echo "  pulumi-resource-kakao: JIT build, because Native AOT needs clang and zlib1g-dev (apt-get install -y clang zlib1g-dev); the JIT build uses more memory (docs/performance.md)."
              : > "$out/pulumi-resource-kakao.dll"
            fi
            echo "  Kakao.Provider -> $PWD/$out/"
            """);
        world.Environment["DOTNET_HOST_PATH"] = path;
    }

    /// <summary>
    /// <c>pulumi</c>, answering like the real CLI for the quick start's commands: records arguments (pulumi.log)
    /// and the backend environment (env.log); <c>config set endpoint</c> remembers the emulator's address;
    /// <c>up</c> creates the sender in the emulator over HTTP (bash /dev/tcp, like the plugin would);
    /// <c>stack output --json</c> answers outputs.N.json on its N-th call; <c>stack export</c> a checkpoint
    /// whose provider points at the emulator. A <c>COMMAND.fail</c> file (e.g. <c>up.fail</c>) fails that
    /// command with an error line; a <c>COMMAND.hang</c> file waits for SIGINT and exits 130.
    /// </summary>
    public static void Pulumi(QuickstartWorld world, params string[] statuses)
    {
        world.Script("pulumi", """
            dir="$(cd "$(dirname "$0")" && pwd)"
            printf '%s\x1f' "$@" >> "$dir/pulumi.log"; printf '\n' >> "$dir/pulumi.log"
            printf 'PULUMI_BACKEND_URL=%s\x1fPULUMI_CONFIG_PASSPHRASE=%s\x1fPULUMI_ACCESS_TOKEN=%s\n' \
              "$PULUMI_BACKEND_URL" "$PULUMI_CONFIG_PASSPHRASE" "${PULUMI_ACCESS_TOKEN-<unset>}" >> "$dir/env.log"
            cmd="$1"; case "$1" in stack|config) cmd="$1-$2";; esac
            if [ -f "$dir/$cmd.hang" ]; then
              trap 'kill $! 2>/dev/null; echo "error: update canceled"; exit 130' INT
              echo "Updating (quickstart):"
              sleep 600 & wait
              exit 0
            fi
            if [ -f "$dir/$cmd.fail" ]; then
              echo "Updating (quickstart):"
              echo "    kakao:index:KakaoSender sinchDemo creating (0s) error: something broke"
              echo "error: update failed" >&2
              exit 255
            fi
            case "$cmd" in
              version) echo "v3.200.0" ;;
              stack-init) echo "Created stack '$3'" ;;
              config-set) echo "$4" > "$dir/endpoint" ;;
              up)
                endpoint="$(cat "$dir/endpoint")"; hostport="${endpoint#http://}"
                body='{"plusFriendId":"@sinch-demo","status":"SUBMIT","details":{"adminPhoneNo":"+48777777777","name":"Sinch Demo Shop","topLevelCategoryCode":"019","midLevelCategoryCode":"0006","subLevelCategoryCode":"0001"}}'
                exec 3<>"/dev/tcp/${hostport%%:*}/${hostport##*:}"
                printf 'POST /v1/projects/quickstart-project/kakaotalk/senders HTTP/1.1\r\nHost: %s\r\nAuthorization: Basic ZW11bGF0b3Ita2V5OmVtdWxhdG9yLXNlY3JldA==\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' "$hostport" "${#body}" "$body" >&3
                head -n 1 <&3 | tr -d '\r' > "$dir/create.status"; exec 3>&-
                printf 'Updating (quickstart):\n +  kakao:index:KakaoSender sinchDemo created (0.1s)\nResources:\n    + 3 created\n' ;;
              refresh) printf 'Refreshing (quickstart):\nResources:\n    3 unchanged\n' ;;
              stack-output)
                n=$(( $(cat "$dir/outputs.count" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$dir/outputs.count"
                cat "$dir/outputs.$n.json" ;;
              stack-export) sed "s#__ENDPOINT__#$(cat "$dir/endpoint")#" "$dir/export.json" ;;
              destroy) printf 'Destroying (quickstart):\nResources:\n    - 3 deleted\n' ;;
              stack-rm) echo "Stack '$3' has been removed!" ;;
              *) echo "error: the stand-in has no answer for '$*'" >&2; exit 255 ;;
            esac
            """);
        for (var i = 0; i < statuses.Length; i++)
        {
            File.WriteAllText(Path.Combine(world.Bin, $"outputs.{i + 1}.json"), new JsonObject
            {
                ["plusFriendId"] = "@sinch-demo",
                ["senderId"] = "6f1c1a8e-0000-4000-8000-000000000001",
                ["status"] = statuses[i],
                ["rejectionComment"] = null,
            }.ToJsonString());
        }

        // The checkpoint kakao verify reads: the explicit provider (secret key encrypted) and the sender.
        var export = JsonNode.Parse(Deployments.ExportJson(Deployments.Encrypted(), "@sinch-demo"))!;
        var provider = export["deployment"]!["resources"]!.AsArray().First(r => r!["type"]!.GetValue<string>() == "pulumi:providers:kakao")!;
        provider["inputs"]!["endpoint"] = "__ENDPOINT__";
        provider["inputs"]!["projectId"] = "quickstart-project";
        provider["inputs"]!["keyId"] = "emulator-key";
        File.WriteAllText(Path.Combine(world.Bin, "export.json"), export.ToJsonString(), Encoding.UTF8);
    }

    /// <summary>Makes the <c>dotnet</c> stand-in publish as on a machine without clang/zlib: the JIT build and the project's line saying why.</summary>
    public static void JitOnly(QuickstartWorld world) => File.WriteAllText(Path.Combine(world.Bin, "dotnet.jit"), "");

    public static void Fail(QuickstartWorld world, string command) => File.WriteAllText(Path.Combine(world.Bin, command + ".fail"), "");

    public static void Hang(QuickstartWorld world, string command) => File.WriteAllText(Path.Combine(world.Bin, command + ".hang"), "");
}

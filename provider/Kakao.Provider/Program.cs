using Kakao.Provider.Hosting;

// pulumi-resource-kakao: started by the Pulumi engine with the engine's address as the last argument.
return await PluginHost.RunAsync(args);

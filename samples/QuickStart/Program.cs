using Upstash.Workflow.QuickStart;

return await Tour.RunAsync(args, Console.Out, Environment.GetEnvironmentVariable);

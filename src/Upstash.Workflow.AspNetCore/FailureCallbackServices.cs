using Microsoft.Extensions.DependencyInjection;

namespace Upstash.Workflow.AspNetCore;

/// <summary>
/// The request's services plus the failure callback being handled: how a minimal-API delegate receives a
/// <see cref="WorkflowFailureCallback"/> parameter. At build time it tells the delegate factory that the type is a
/// service (so the parameter is not read from the body a second time); at run time it hands over the callback.
/// </summary>
internal sealed class FailureCallbackServices(IServiceProvider inner, WorkflowFailureCallback? callback) : IServiceProvider, IServiceProviderIsService
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(WorkflowFailureCallback) ? callback
        : serviceType == typeof(IServiceProviderIsService) ? this
        : inner.GetService(serviceType);

    public bool IsService(Type serviceType) =>
        serviceType == typeof(WorkflowFailureCallback) || inner.GetService<IServiceProviderIsService>()?.IsService(serviceType) == true;
}

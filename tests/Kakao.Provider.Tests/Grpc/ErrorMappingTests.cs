using Google.Rpc;
using Grpc.Core;
using Kakao.Provider.Grpc;
using Kakao.Provider.Models;
using Kakao.Provider.Protocol;
using Kakao.Provisioning;

namespace Kakao.Provider.Tests.Grpc;

public class ErrorMappingTests
{
    [TestCase(400, StatusCode.InvalidArgument)]
    [TestCase(422, StatusCode.InvalidArgument)]
    [TestCase(401, StatusCode.Unauthenticated)]
    [TestCase(403, StatusCode.PermissionDenied)]
    [TestCase(404, StatusCode.NotFound)]
    [TestCase(409, StatusCode.FailedPrecondition)]
    [TestCase(412, StatusCode.FailedPrecondition)]
    [TestCase(429, StatusCode.Unavailable)]
    [TestCase(500, StatusCode.Unavailable)]
    [TestCase(503, StatusCode.Unavailable)]
    [TestCase(0, StatusCode.Unavailable)]
    public void CodeOf_ApiStatus_MapsToGrpcCode(int status, StatusCode expected)
    {
        Assert.That(ErrorMapping.CodeOf(new ProvisioningApiException(status, "x", "m")), Is.EqualTo(expected));
    }

    [Test]
    public void CodeOf_Timeout_IsDeadlineExceeded()
    {
        Assert.That(ErrorMapping.CodeOf(new ProvisioningApiException(0, ProvisioningApiException.TimeoutErrorCode, "m")), Is.EqualTo(StatusCode.DeadlineExceeded));
    }

    [Test]
    public void ToRpcException_CustomTimeoutRanOut_IsDeadlineExceededWithItsMessage()
    {
        var error = ErrorMapping.ToRpcException(new TimeoutException("Create of kakao:index:Webhook did not finish within its custom timeout of 2 s."));

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
        Assert.That(error.Status.Detail, Does.Contain("custom timeout of 2 s"));
    }

    [Test]
    public void CodeOf_DomainExceptions_MapToTheirCodes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ErrorMapping.CodeOf(new OperationCanceledException()), Is.EqualTo(StatusCode.Cancelled));
            Assert.That(ErrorMapping.CodeOf(new TaskCanceledException()), Is.EqualTo(StatusCode.Cancelled));
            Assert.That(ErrorMapping.CodeOf(new InvalidInputException("x")), Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(ErrorMapping.CodeOf(new NotConfiguredException("x")), Is.EqualTo(StatusCode.FailedPrecondition));
            Assert.That(ErrorMapping.CodeOf(new ObjectNotUpdatableException("x")), Is.EqualTo(StatusCode.FailedPrecondition));
            Assert.That(ErrorMapping.CodeOf(new ObjectNotFoundException("x")), Is.EqualTo(StatusCode.NotFound));
            Assert.That(ErrorMapping.CodeOf(new ObjectAlreadyExistsException("x")), Is.EqualTo(StatusCode.AlreadyExists));
            Assert.That(ErrorMapping.CodeOf(new MissingConfigurationException([new("kakao:keyId", "d")])), Is.EqualTo(StatusCode.InvalidArgument));
        });
    }

    [Test]
    public void CodeOf_UnexpectedException_IsInternal()
    {
        Assert.That(ErrorMapping.CodeOf(new NullReferenceException()), Is.EqualTo(StatusCode.Internal));
    }

    [Test]
    public void ToRpcException_ResourceInitFailed_CarriesDetailAndInnerCode()
    {
        var properties = new PropertyMapBuilder().Set("adminPhoneNo", PropertyValue.Secret(PropertyValue.Create("+48777777777"))).Build();
        var error = new ResourceInitFailedException("@sinch-demo", properties, PropertyMap.Empty, ["read back failed"], new ProvisioningApiException(503, "internal_error", "m"));

        var rpc = ErrorMapping.ToRpcException(error);
        var detail = rpc.GetRpcStatus()!.GetDetail<ErrorResourceInitFailed>();

        Assert.Multiple(() =>
        {
            Assert.That(rpc.StatusCode, Is.EqualTo(StatusCode.Unavailable));
            Assert.That(detail.Id, Is.EqualTo("@sinch-demo"));
            Assert.That(detail.Reasons, Is.EqualTo(new[] { "read back failed" }));
            Assert.That(PropertyValueConverter.ToPropertyMap(detail.Properties), Is.EqualTo(properties));
        });
    }

    [Test]
    public void ToRpcException_MissingConfiguration_CarriesMissingKeys()
    {
        var rpc = ErrorMapping.ToRpcException(new MissingConfigurationException([new("kakao:keyId", "The key id")]));
        var detail = rpc.GetRpcStatus()!.GetDetail<ConfigureErrorMissingKeys>();

        Assert.Multiple(() =>
        {
            Assert.That(detail.MissingKeys.Single().Name, Is.EqualTo("kakao:keyId"));
            Assert.That(detail.MissingKeys.Single().Description, Is.EqualTo("The key id"));
        });
    }

    [Test]
    public void ToRpcException_Cancelled_HasCancelledCode()
    {
        Assert.That(ErrorMapping.ToRpcException(new OperationCanceledException()).StatusCode, Is.EqualTo(StatusCode.Cancelled));
    }
}

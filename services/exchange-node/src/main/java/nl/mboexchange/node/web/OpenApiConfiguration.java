package nl.mboexchange.node.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import nl.mboexchange.node.school.SchoolCode;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, shown by Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "registrar";
    private static final String PROBLEM = "Problem";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Bad input; the offending fields are listed in errors",
            "401", "Not authenticated as a registrar",
            "404", "The enrolment or attempt does not exist",
            "409", "The state does not allow it, or the version is stale",
            "422", "The Idempotency-Key was used before for another request",
            "500", "An unexpected error; the errorId is in the node's log");

    @Bean
    OpenAPI exchangeNodeApi(SchoolCode self) {
        return new OpenAPI()
                .info(new Info()
                        .title("MBO Exchange node of school " + self)
                        .version("v1")
                        .description("Enrolments of students in courses at other schools, and their results. "
                                + "Errors are RFC 9457 problem details. Commands accept an Idempotency-Key header."))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Documents the problem details every operation can answer with, as the advice renders them. */
    @Bean
    OpenApiCustomizer problemResponses(ApiProperties limits) {
        String tooLarge =
                "The request body is larger than " + limits.maxRequestBody().toBytes()
                        + " bytes (mbo.api.max-request-body), with or without a Content-Length";
        return api -> {
            // Springdoc builds the components anew, so the schema the responses refer to is added here as well.
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        PROBLEMS.forEach((status, description) ->
                                operation.getResponses().putIfAbsent(status, problem(description)));
                        operation.getResponses().putIfAbsent("413", problem(tooLarge));
                    }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().example("course.courseCode"));
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema().example("TransitionNotAllowed"));
        problem.addProperty("errors", new ArraySchema().items(error));
        problem.addProperty(
                "errorId",
                new StringSchema()
                        .format("uuid")
                        .description("Only on a 500: the id under which the node logged the error"));
        return problem;
    }
}

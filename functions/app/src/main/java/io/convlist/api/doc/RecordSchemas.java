package io.convlist.api.doc;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * JSON schemas of the functions' records as Jackson reads and writes them: an object per record,
 * its components as properties in order, each described by {@link FieldDocs}. A record becomes a
 * named component schema the first time it is met.
 */
final class RecordSchemas {
    static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Schema> components = new LinkedHashMap<>();
    private final Map<String, Class<?>> namedFrom = new LinkedHashMap<>();

    /** The named schemas met so far, by record name. */
    Map<String, Schema> components() {
        return components;
    }

    /**
     * A reference to the record's schema.
     *
     * @param answer the record is written by the functions: every property is present, and only those
     *               of a Java object type can be null (a list only where its {@link FieldDoc#orNull})
     */
    Schema refTo(Class<?> record, boolean answer) {
        String name = record.getSimpleName();
        Class<?> earlier = namedFrom.putIfAbsent(name, record);
        if (earlier != null && earlier != record) {
            throw new IllegalStateException("two records are named " + name + ": " + earlier.getName() + ", " + record.getName());
        }
        if (earlier == null) {
            components.put(name, objectOf(record, answer));
        }
        return OASFactory.createSchema().ref(REF_PREFIX + name);
    }

    private Schema objectOf(Class<?> record, boolean answer) {
        Schema object = OASFactory.createSchema().addType(SchemaType.OBJECT);
        for (RecordComponent component : record.getRecordComponents()) {
            FieldDoc doc = FieldDocs.of(record, component.getName());
            Schema property = schemaOf(component.getGenericType(), answer, doc);
            if (answer) {
                object.addRequired(component.getName());
                boolean list = Collection.class.isAssignableFrom(component.getType());
                if (!component.getType().isPrimitive() && (!list || doc.listMayBeNull())) {
                    property = nullable(property);
                }
            }
            object.addProperty(component.getName(), property.description(doc.description()));
        }
        return object;
    }

    private static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            return OASFactory.createSchema().anyOf(List.of(schema, OASFactory.createSchema().addType(SchemaType.NULL)));
        }
        return schema.addType(SchemaType.NULL);
    }

    private Schema schemaOf(Type type, boolean answer, FieldDoc doc) {
        if (type instanceof ParameterizedType list && Collection.class.isAssignableFrom((Class<?>) list.getRawType())) {
            Schema items = schemaOf(list.getActualTypeArguments()[0], answer, FieldDoc.text(""));
            if (doc.itemPattern() != null) {
                items.pattern(doc.itemPattern());
            }
            Schema array = OASFactory.createSchema().addType(SchemaType.ARRAY).items(items);
            if (doc.minItems() != null) {
                array.minItems(doc.minItems()).maxItems(doc.maxItems());
            }
            return array;
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            return refTo(c, answer);
        }
        Schema schema = OASFactory.createSchema();
        if (c == String.class) {
            schema.addType(SchemaType.STRING).pattern(doc.pattern());
            if (doc.allowed() != null) {
                schema.enumeration(List.copyOf(doc.allowed()));
            }
        } else if (c == int.class || c == Integer.class) {
            schema.addType(SchemaType.INTEGER).format("int32");
        } else if (c == long.class || c == Long.class) {
            schema.addType(SchemaType.INTEGER).format("int64");
        } else if (c == BigInteger.class) {
            schema.addType(SchemaType.INTEGER); // mark bits reach 2^63: beyond a signed 64-bit integer
        } else if (c == boolean.class || c == Boolean.class) {
            schema.addType(SchemaType.BOOLEAN);
        } else {
            throw new IllegalStateException("the API description cannot describe " + c.getName());
        }
        if (doc.minimum() != null) {
            schema.minimum(BigDecimal.valueOf(doc.minimum())).maximum(BigDecimal.valueOf(doc.maximum()));
        }
        return schema;
    }
}

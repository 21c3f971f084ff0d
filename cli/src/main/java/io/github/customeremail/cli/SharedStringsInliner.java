package io.github.customeremail.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Makes a copy of a workbook whose worksheets hold their text inline, so that FastExcel's reader, which keeps the
 * shared-strings table it reads in memory, reads it in flat memory: the table is copied to disk once
 * ({@link SharedStringsFile}), then every worksheet is copied with each shared-string cell ({@code t="s"}) replaced by
 * an inline-string cell ({@code t="inlineStr"}) holding the same text, and the table is left out. A cell keeps its
 * address and style; a shared-string cell's value is all FastExcel reads of it, so it reads the copy's cells exactly as
 * the original's. A workbook without a shared-strings table is read as it is.
 */
final class SharedStringsInliner {

    static final String CONTENT_TYPES = "[Content_Types].xml";
    static final String SHARED_STRINGS_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    static final String WORKSHEET_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private final XMLInputFactory inputs = XmlText.secureFactory();
    private final XMLOutputFactory outputs = XMLOutputFactory.newFactory();

    /**
     * Writes the copy of {@code workbook} into {@code dir} (the table's files are deleted once the copy is written).
     *
     * @return the copy, or {@code null} when the workbook has no shared-strings table (read it as it is)
     */
    Path inline(Path workbook, Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            Map<String, String> overrides = new HashMap<>();
            Map<String, String> defaults = new HashMap<>();
            contentTypes(zip, overrides, defaults);
            ZipEntry table = null;
            Set<String> worksheets = new HashSet<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String type = typeOf(entry.getName(), overrides, defaults);
                if (SHARED_STRINGS_TYPE.equals(type)) {
                    table = entry;
                } else if (WORKSHEET_TYPE.equals(type)) {
                    worksheets.add(entry.getName());
                }
            }
            if (table == null) {
                return null;
            }
            Path offsets = dir.resolve("shared-strings.offsets");
            Path data = dir.resolve("shared-strings.data");
            Path copy = dir.resolve("inlined.xlsx");
            try (InputStream in = zip.getInputStream(table);
                 SharedStringsFile strings = SharedStringsFile.copy(in, inputs, offsets, data);
                 OutputStream file = new BufferedOutputStream(Files.newOutputStream(copy), 1 << 16);
                 ZipOutputStream out = new ZipOutputStream(file)) {
                out.setLevel(Deflater.BEST_SPEED);          // a copy read once: speed over size
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (entry == table || entry.isDirectory()) {
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream part = zip.getInputStream(entry)) {
                        if (worksheets.contains(entry.getName())) {
                            inlineSheet(part, out, strings);
                        } else {
                            part.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            } finally {
                Files.deleteIfExists(offsets);
                Files.deleteIfExists(data);
            }
            return copy;
        } catch (ZipException e) {
            throw new IOException("not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        }
    }

    /** Reads the package's content types: by part name, and by extension for the parts not named. */
    private void contentTypes(ZipFile zip, Map<String, String> overrides, Map<String, String> defaults)
            throws IOException {
        ZipEntry entry = entry(zip, CONTENT_TYPES);
        if (entry == null) {
            throw new IOException("not a readable .xlsx workbook (it has no " + CONTENT_TYPES + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = inputs.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String type = xml.getAttributeValue(null, "ContentType");
                    if ("Override".equals(xml.getLocalName()) && xml.getAttributeValue(null, "PartName") != null) {
                        overrides.put(partName(xml.getAttributeValue(null, "PartName")), type);
                    } else if ("Default".equals(xml.getLocalName()) && xml.getAttributeValue(null, "Extension") != null) {
                        defaults.put(xml.getAttributeValue(null, "Extension").toLowerCase(Locale.ROOT), type);
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("not a readable .xlsx workbook (" + CONTENT_TYPES + ": " + e.getMessage() + ")", e);
        }
    }

    /** Part names are case-insensitive (OPC), and named with a leading slash. */
    private static String partName(String name) {
        return (name.startsWith("/") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
    }

    private static String typeOf(String entryName, Map<String, String> overrides, Map<String, String> defaults) {
        String type = overrides.get(partName(entryName));
        if (type != null) {
            return type;
        }
        int dot = entryName.lastIndexOf('.');
        return dot < 0 ? null : defaults.get(entryName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static ZipEntry entry(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry != null) {
            return entry;
        }
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry other = e.nextElement();
            if (other.getName().equalsIgnoreCase(name)) {
                return other;
            }
        }
        return null;
    }

    /** Copies a worksheet's XML, writing each shared-string cell as an inline-string cell of the same text. */
    private void inlineSheet(InputStream sheet, OutputStream out, SharedStringsFile strings) throws IOException {
        try {
            XMLStreamReader xml = inputs.createXMLStreamReader(sheet);
            XMLStreamWriter writer = outputs.createXMLStreamWriter(new NonClosing(out), "UTF-8");
            try {
                writer.writeStartDocument("UTF-8", "1.0");
                while (xml.hasNext()) {
                    switch (xml.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            if ("c".equals(xml.getLocalName()) && "s".equals(xml.getAttributeValue(null, "t"))) {
                                inlineCell(xml, writer, strings);
                            } else {
                                startElement(xml, writer, null);
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> writer.writeEndElement();
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE ->
                                writer.writeCharacters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        case XMLStreamConstants.CDATA -> writer.writeCData(xml.getText());
                        default -> { }                  // comments and processing instructions: nothing FastExcel reads
                    }
                }
                writer.writeEndDocument();
                writer.flush();
            } finally {
                writer.close();
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("the workbook's sheet is not valid XLSX (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the start of the element the reader is on, with its namespaces and attributes but {@code skip}. */
    private static void startElement(XMLStreamReader xml, XMLStreamWriter writer, String skip)
            throws XMLStreamException {
        String prefix = xml.getPrefix() == null ? "" : xml.getPrefix();
        String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        writer.writeStartElement(prefix, xml.getLocalName(), namespace);
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            String declared = xml.getNamespacePrefix(i);
            if (declared == null || declared.isEmpty()) {
                writer.writeDefaultNamespace(xml.getNamespaceURI(i));
            } else {
                writer.writeNamespace(declared, xml.getNamespaceURI(i));
            }
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String name = xml.getAttributeLocalName(i);
            String attributeNamespace = xml.getAttributeNamespace(i);
            if (attributeNamespace == null || attributeNamespace.isEmpty()) {
                if (!name.equals(skip)) {
                    writer.writeAttribute(name, xml.getAttributeValue(i));
                }
            } else {
                String attributePrefix = xml.getAttributePrefix(i);
                writer.writeAttribute(attributePrefix == null ? "" : attributePrefix, attributeNamespace, name,
                        xml.getAttributeValue(i));
            }
        }
    }

    /**
     * A shared-string cell, the reader on its start: written as {@code <c ... t="inlineStr"><is><t>text</t></is></c>}
     * and read up to its end. Its text is the table's entry its first {@code <v>} names; a cell without one (or with
     * an empty one) is an empty text, as FastExcel reads it.
     */
    private static void inlineCell(XMLStreamReader xml, XMLStreamWriter writer, SharedStringsFile strings)
            throws XMLStreamException, IOException {
        startElement(xml, writer, "t");
        writer.writeAttribute("t", "inlineStr");
        String prefix = xml.getPrefix() == null ? "" : xml.getPrefix();
        String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        String index = null;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (index == null && "v".equals(xml.getLocalName())) {
                    StringBuilder v = new StringBuilder();
                    XmlText.appendUntilEnd(xml, v);
                    index = v.toString();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        String text;
        try {
            text = index == null || index.isEmpty() ? "" : strings.get(Integer.parseInt(index));
        } catch (NumberFormatException e) {
            throw new IOException("the workbook's sheet is not valid XLSX (a text cell refers to shared string \""
                    + index + "\")", e);
        }
        writer.writeStartElement(prefix, "is", namespace);
        writer.writeStartElement(prefix, "t", namespace);
        writer.writeCharacters(text);
        writer.writeEndElement();
        writer.writeEndElement();
        writer.writeEndElement();
    }

    /** The zip stream stays open when the XML writer is closed: the next part follows. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

package io.github.customeremail.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A workbook's shared-strings table ({@code xl/sharedStrings.xml}) copied to two files on disk, so that looking a
 * string up by its index holds only a few small pages in memory however many strings the table has: the strings'
 * UTF-8 bytes one after the other, and the offset where each one starts (eight bytes an index).
 *
 * <p>An entry's text is what FastExcel's reader gives for it: the text of every {@code <t>} element in the
 * {@code <si>} (the runs of a rich text), without the phonetic guides ({@code <rPh>}).
 */
final class SharedStringsFile implements Closeable {

    private final FileChannel offsets;
    private final FileChannel data;
    private final Pages offsetPages;
    private final Pages dataPages;
    private final int count;

    private SharedStringsFile(Path offsetsFile, Path dataFile, int count) throws IOException {
        this.offsets = FileChannel.open(offsetsFile, StandardOpenOption.READ);
        FileChannel opened;
        try {
            opened = FileChannel.open(dataFile, StandardOpenOption.READ);
        } catch (IOException e) {
            offsets.close();
            throw e;
        }
        this.data = opened;
        this.offsetPages = new Pages(offsets);
        this.dataPages = new Pages(data);
        this.count = count;
    }

    /**
     * Streams the table once into {@code offsetsFile} and {@code dataFile} (created or replaced).
     *
     * @return the table, open for lookups
     */
    static SharedStringsFile copy(InputStream table, XMLInputFactory factory, Path offsetsFile, Path dataFile)
            throws IOException {
        int count = 0;
        try (DataOutputStream index = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(offsetsFile), 1 << 16));
             OutputStream strings = new BufferedOutputStream(Files.newOutputStream(dataFile), 1 << 16)) {
            XMLStreamReader xml = factory.createXMLStreamReader(table);
            try {
                long offset = 0;
                index.writeLong(0);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())) {
                        byte[] bytes = entry(xml).getBytes(StandardCharsets.UTF_8);
                        strings.write(bytes);
                        offset += bytes.length;
                        index.writeLong(offset);
                        if (++count == Integer.MAX_VALUE) {
                            throw new IOException("the shared strings table has too many entries");
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("the workbook's shared strings are not valid XML (" + e.getMessage() + ")", e);
        }
        return new SharedStringsFile(offsetsFile, dataFile, count);
    }

    /** Reads one {@code <si>}, the reader on its start, up to its end. */
    private static String entry(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "t".equals(xml.getLocalName())) {
                XmlText.appendUntilEnd(xml, text);
            } else if (event == XMLStreamConstants.START_ELEMENT && "rPh".equals(xml.getLocalName())) {
                XmlText.appendUntilEnd(xml, new StringBuilder());
            } else if (event == XMLStreamConstants.END_ELEMENT && "si".equals(xml.getLocalName())) {
                break;
            }
        }
        return text.toString();
    }

    /** @return how many strings the table holds */
    int count() {
        return count;
    }

    /**
     * @return the string at {@code index}; the empty string past the table's end, as FastExcel's reader gives
     * @throws IOException for a negative index
     */
    String get(int index) throws IOException {
        if (index < 0) {
            throw new IOException("a cell refers to shared string " + index);
        }
        if (index >= count) {
            return "";
        }
        ByteBuffer range = offsetPages.read(index * 8L, 16);
        long start = range.getLong();
        long end = range.getLong();
        if (end - start > Integer.MAX_VALUE - 8) {
            throw new IOException("shared string " + index + " is larger than 2 GB");
        }
        ByteBuffer bytes = dataPages.read(start, (int) (end - start));
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    @Override
    public void close() throws IOException {
        try {
            offsets.close();
        } finally {
            data.close();
        }
    }

    /**
     * A few pages of a file kept in memory. The sheets Excel and Odoo save refer to the strings mostly in the order
     * the table holds them, with a few repeated ones (a country, a company), so that most lookups find their page.
     */
    private static final class Pages {

        private static final int PAGES = 4;
        private static final int PAGE_SIZE = 1 << 16;

        private final FileChannel file;
        private final ByteBuffer[] pages = new ByteBuffer[PAGES];
        private final long[] starts = new long[PAGES];
        private int victim;

        Pages(FileChannel file) {
            this.file = file;
            for (int i = 0; i < PAGES; i++) {
                pages[i] = ByteBuffer.allocate(PAGE_SIZE).limit(0);
            }
        }

        /** @return the bytes at {@code [position, position + length)}, ready to read */
        ByteBuffer read(long position, int length) throws IOException {
            for (int i = 0; i < PAGES; i++) {
                long offset = position - starts[i];
                if (offset >= 0 && offset + length <= pages[i].limit()) {
                    return pages[i].duplicate().position((int) offset).limit((int) offset + length).slice();
                }
            }
            if (length > PAGE_SIZE) {
                ByteBuffer large = ByteBuffer.allocate(length);
                fill(large, position);
                return large;
            }
            ByteBuffer page = pages[victim].clear();
            starts[victim] = position;
            victim = (victim + 1) % PAGES;
            fill(page, position);
            if (page.limit() < length) {
                throw new IOException("the copy of the shared strings table ends early");
            }
            return page.duplicate().limit(length).slice();
        }

        private void fill(ByteBuffer buffer, long position) throws IOException {
            long at = position;
            while (buffer.hasRemaining()) {
                int n = file.read(buffer, at);
                if (n < 0) {
                    break;
                }
                at += n;
            }
            buffer.flip();
        }
    }
}
